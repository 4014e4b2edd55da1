"""API schemas for facts, fields and entities."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from service.schemas.pages import Page


class SentenceOut(BaseModel):
    """The sentence that contains a span; ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int


class FactPublic(BaseModel):
    """One extracted claim, cited by exact offsets into its article's text."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 7,
                    "article_id": 2,
                    "source": None,
                    "field": "casualties",
                    "kind": "killed",
                    "value": {"stated": 62, "min": 62, "max": 62, "victims": "soldiers"},
                    "text": "Sixty-two Syrian soldiers",
                    "start": 479,
                    "end": 504,
                    "sentence": {
                        "text": "Sixty-two Syrian soldiers were killed …",
                        "start": 479,
                        "end": 685,
                    },
                    "attributed_to": "Russian Defense Ministry",
                    "qualifier": "exact",
                }
            ]
        }
    )

    id: int
    article_id: int
    source: str | None
    field: str
    kind: str
    value: dict[str, Any]
    text: str
    start: int
    end: int
    sentence: SentenceOut
    attributed_to: str | None
    qualifier: str | None


class FactList(Page[FactPublic]):
    """A page of facts."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"facts": [], "total": 23, "next_cursor": None}]}
    )

    facts: list[FactPublic]


class FieldKind(BaseModel):
    """How many facts of one kind a field holds."""

    kind: str
    count: int


class FieldInfo(BaseModel):
    """One field of the catalogue."""

    field: str
    description: str
    value_keys: list[str]
    count: int
    kinds: list[FieldKind]


class FieldList(BaseModel):
    """The field catalogue."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "fields": [
                        {
                            "field": "casualties",
                            "description": "People killed or injured…",
                            "value_keys": ["stated", "min", "max", "victims"],
                            "count": 23,
                            "kinds": [
                                {"kind": "injured", "count": 7},
                                {"kind": "killed", "count": 16},
                            ],
                        }
                    ]
                }
            ]
        }
    )

    fields: list[FieldInfo]


class EntityPublic(BaseModel):
    """A canonical place, person or organization and how the corpus writes it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "place:deir-ez-zor",
                    "type": "place",
                    "name": "Deir ez-Zor",
                    "data": {"country": "SY", "lat": 35.33588, "lon": 40.14084},
                    "variants": ["Deir Ezzor", "Deir al-Zor", "Deir el-Zour", "Deir ez-Zor"],
                    "mentions": 18,
                    "article_ids": [1, 2, 3, 4, 5],
                }
            ]
        }
    )

    id: str
    type: str
    name: str
    data: dict[str, Any]
    variants: list[str]
    mentions: int
    article_ids: list[int]


class EntityList(Page[EntityPublic]):
    """A page of entities, most mentioned first."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"entities": [], "total": 21, "next_cursor": None}]}
    )

    entities: list[EntityPublic]


def fact_public(fact: Any, source: str | None) -> FactPublic:
    """The API view of a stored fact."""
    return FactPublic(
        id=fact.id,
        article_id=fact.article_id,
        source=source,
        field=fact.field,
        kind=fact.kind,
        value=fact.value,
        text=fact.text,
        start=fact.start,
        end=fact.end,
        sentence=SentenceOut(
            text=fact.sentence_text, start=fact.sentence_start, end=fact.sentence_end
        ),
        attributed_to=fact.attributed_to,
        qualifier=fact.qualifier,
    )


def entity_public(view: Any) -> EntityPublic:
    """The API view of an entity and its mentions."""
    entity = view.entity
    return EntityPublic(
        id=entity.id,
        type=entity.type,
        name=entity.name,
        data=entity.data,
        variants=view.variants,
        mentions=view.mentions,
        article_ids=view.article_ids,
    )
