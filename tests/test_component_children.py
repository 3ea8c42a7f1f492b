"""What a component of the file is handed between its tags (its children) is on the page where the component prints
``{children}`` (jsxmarkup ``_held_written``): ``<SectionCard title="Zdrowie"><FormField label="Choroby"/></SectionCard>``
with ``function SectionCard({ title, children })`` writes the card, then the fields at their own lines. A body that never
prints them still has them on the page."""

from __future__ import annotations

from tests.conftest import controls_by_name

_MODAL = """function SectionCard({ title, children }) {
  return (
    <View style={styles.card}>
      <Text style={styles.title}>{title}</Text>
      <View style={styles.body}>{children}</View>
    </View>
  );
}

function Banner({ title }) {
  return <Text>{title}</Text>;
}

export default function Member({ member, set }) {
  return (
    <Modal visible>
      <SectionCard title="Zdrowie">
        <FormField label="Choroby / schorzenia" value={member.illness_types} onChangeText={(v) => set({ illness_types: v })} />
        <FormField label="Ulubiony kolor" value={member.colour} onChangeText={(v) => set({ colour: v })} />
      </SectionCard>
      <Banner title="Religia">
        <FormField label="Wyznanie" value={member.faith} onChangeText={(v) => set({ faith: v })} />
      </Banner>
    </Modal>
  );
}
"""


def _sites(tmp_path, db) -> dict:
    return controls_by_name(tmp_path, _MODAL, db, "member.tsx")


def test_a_wrapper_components_children_are_written_where_it_prints_them(tmp_path, db) -> None:
    sites = _sites(tmp_path, db)
    illness = sites["illness_types"]
    assert (illness.line, illness.classification.category) == (18, "health"), illness
    assert sites["colour"].line == 19 and sites["colour"].classification.category == "-", sites["colour"]


def test_children_a_component_never_prints_are_still_read(tmp_path, db) -> None:
    faith = _sites(tmp_path, db)["faith"]
    assert (faith.line, faith.classification.category) == (22, "religion"), faith
