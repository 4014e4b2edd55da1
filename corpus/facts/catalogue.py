"""The field catalogue: what each fact field means and which keys its ``value`` holds."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One fact field."""

    description: str
    value_keys: tuple[str, ...]


FIELD_CATALOGUE: dict[str, FieldSpec] = {
    "casualties": FieldSpec(
        "People killed or injured (kind killed|injured), with hedge and reporting source.",
        ("stated", "min", "max", "victims"),
    ),
    "equipment": FieldSpec("Weapons and vehicles with counts.", ("type", "count", "category")),
    "places": FieldSpec(
        "Places with spelling variants grouped and gazetteer coordinates.",
        ("name", "entity_id", "canonical", "country", "lat", "lon", "near"),
    ),
    "dates": FieldSpec(
        "Absolute and relative dates and times, resolved against the publication date; role "
        "tells the publication date from event dates.",
        ("iso", "precision", "relative_to", "role", "utc"),
    ),
    "people": FieldSpec("People with their role or title.", ("name", "entity_id", "role")),
    "organizations": FieldSpec(
        "Organizations with aliases grouped.", ("name", "entity_id", "role")
    ),
    "quotes": FieldSpec(
        "Quoted speech with the speaker when the text says who.",
        ("quote", "speaker", "speaker_entity_id", "verb"),
    ),
    "quantities": FieldSpec("Other numeric claims with their head noun.", ("number", "unit")),
}
