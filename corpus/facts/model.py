"""The fact record, defined once: each field's typed value, the field catalogue, the record.

Everything else derives from here: ``FIELDS`` and ``FIELD_CATALOGUE`` (``/fields``), the stored
row (``fact_store.FactRow`` extends ``ExtractedFact`` with the stored columns) and the API's
field lists. Adding a key to a field's value is one line in its ``TypedDict`` below.
"""

# No ``from __future__ import annotations``: TypedDict reads NotRequired from live annotations.
import dataclasses
from dataclasses import dataclass
from typing import Any, NotRequired, TypedDict


class CasualtyValue(TypedDict):
    """People killed or injured: the number as stated, the interval its hedge gives
    (``corpus.facts.hedges``; ``max`` None when unbounded) and who."""

    stated: int | float
    min: int | None
    max: int | None
    victims: str | None


class EquipmentValue(TypedDict):
    """A weapon or vehicle: its type, how many (None when unsaid) and its category."""

    type: str
    count: int | None
    category: str


class PlaceValue(TypedDict):
    """A place as written, its entity and gazetteer data; landmarks say what they are near."""

    name: str
    entity_id: str
    canonical: str
    country: str | None
    lat: float | None
    lon: float | None
    near: NotRequired[str]


class DateValue(TypedDict):
    """An ISO date or time, its precision, what it was resolved against, and its role."""

    iso: str
    precision: str
    relative_to: str | None
    role: str
    utc: NotRequired[str]


class NamedValue(TypedDict):
    """A person or organization: the canonical name, its entity and a role when stated."""

    name: str
    entity_id: str
    role: str | None


class QuoteValue(TypedDict):
    """Quoted speech and its speaker when the text says who."""

    quote: str
    speaker: str | None
    speaker_entity_id: str | None
    verb: str | None


class QuantityValue(TypedDict):
    """Any other number with its head noun."""

    number: int | float
    unit: str


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One fact field: what it means, the type of its value, and how facts of it are used."""

    name: str
    description: str
    value_type: type
    entity_type: str | None = None  # the entities its facts point at (value["entity_id"])
    numeric: bool = False  # grouped into /claims

    @property
    def value_keys(self) -> tuple[str, ...]:
        """The keys a value of this field may hold, in declaration order."""
        return tuple(self.value_type.__annotations__)


FIELD_SPECS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "casualties",
        "People killed or injured (kind killed|injured), with hedge and reporting source.",
        CasualtyValue,
        numeric=True,
    ),
    FieldSpec("equipment", "Weapons and vehicles with counts.", EquipmentValue, numeric=True),
    FieldSpec(
        "places",
        "Places with spelling variants grouped and gazetteer coordinates.",
        PlaceValue,
        entity_type="place",
    ),
    FieldSpec(
        "dates",
        "Absolute and relative dates and times, resolved against the publication date; role "
        "tells the publication date from event dates.",
        DateValue,
    ),
    FieldSpec("people", "People with their role or title.", NamedValue, entity_type="person"),
    FieldSpec(
        "organizations",
        "Organizations with aliases grouped.",
        NamedValue,
        entity_type="organization",
    ),
    FieldSpec("quotes", "Quoted speech with the speaker when the text says who.", QuoteValue),
    FieldSpec(
        "quantities", "Other numeric claims with their head noun.", QuantityValue, numeric=True
    ),
)

FIELD_CATALOGUE: dict[str, FieldSpec] = {spec.name: spec for spec in FIELD_SPECS}
FIELDS: tuple[str, ...] = tuple(FIELD_CATALOGUE)
NUMERIC_FIELDS: tuple[str, ...] = tuple(s.name for s in FIELD_SPECS if s.numeric)
ENTITY_FIELDS: dict[str, str] = {s.name: s.entity_type for s in FIELD_SPECS if s.entity_type}


# The extraction budget of one article: past this many facts the remaining ones are skipped and
# the article is marked partial (``pipeline.Extraction.partial``). News articles stay far below
# (news-dev: at most ~150); a text of nothing but figures or quotes reaches it.
MAX_FACTS_PER_ARTICLE = 1000


@dataclass(slots=True)
class ExtractedFact:
    """One claim found in an article; ``article_text[start:end] == text``.

    ``value`` holds the field's value (its ``FieldSpec.value_type``, stored as JSON);
    ``sentence_start``/``sentence_end`` bound the sentence that contains the span; ``extra``
    carries what a rule found that is not stored (e.g. the casualty trigger word).
    """

    field: str
    kind: str
    value: dict[str, Any]
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    attributed_to: str | None = None
    qualifier: str | None = None
    extra: dict[str, Any] = dataclasses.field(default_factory=dict, compare=False)


# The record's columns as stored: everything but ``extra``.
EXTRACTED_COLUMNS: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(ExtractedFact) if f.name != "extra"
)
