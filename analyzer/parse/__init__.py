"""The parse stage: bytes to text, and text to trees and tokens (HTML, templates, JavaScript,
source maps, server code's strings), with positions true to the file. No signature knowledge here.
"""
