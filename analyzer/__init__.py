"""replaylint: find session recorders in a site's built output and source, and judge their consent gating."""

__version__ = "0.1.0"
