"""Stored GIS layers (tables of migration 0008): an imported file's features in WGS-84, kept beside
the demo's own offices/roads/segments rather than over them, so a customer's real boundary can be
drawn (and checked against) without regenerating the district.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, func, insert, select

from commandcenter.domain.gis import ImportResult, LayerInfo, StoredFeature
from commandcenter.geo import bbox_of
from commandcenter.persistence.access import as_utc, read_rows, reading, writing
from commandcenter.persistence.map.models import GisFeature, GisLayer
from commandcenter.persistence.store import Store


def save_layer(store: Store, result: ImportResult, name: str, *, replace: bool = False) -> int:
    """Store the good features of an import as one layer; returns its id. ``replace`` first drops
    earlier layers of the same kind and name (re-importing a corrected file)."""
    now = datetime.now(UTC)
    with writing(store) as connection:
        if replace:
            old = select(GisLayer.id).where(GisLayer.layer == result.layer.value, GisLayer.name == name)
            old_ids = list(connection.execute(old).scalars())
            if old_ids:
                connection.execute(delete(GisFeature).where(GisFeature.layer_id.in_(old_ids)))
                connection.execute(delete(GisLayer).where(GisLayer.id.in_(old_ids)))
        layer_id = connection.execute(
            insert(GisLayer)
            .values(
                layer=result.layer.value,
                name=name[:120],
                source_datum=result.datum.value,
                imported_at=now,
            )
            .returning(GisLayer.id)
        ).scalar_one()
        rows = [
            {
                "layer_id": layer_id,
                "geometry_type": feature.geometry_type,
                "name": feature.name,
                "parts": feature.parts,
                "properties": feature.properties,
                **bbox_of(feature.positions()).columns(),
            }
            for feature in result.features
        ]
        if rows:
            connection.execute(insert(GisFeature), rows)
    return int(layer_id)


def list_layers(store: Store) -> list[LayerInfo]:
    count = select(GisFeature.layer_id, func.count().label("n")).group_by(GisFeature.layer_id).subquery()
    statement = (
        select(
            GisLayer.id, GisLayer.layer, GisLayer.name, GisLayer.source_datum, GisLayer.imported_at, count.c.n
        )
        .outerjoin(count, count.c.layer_id == GisLayer.id)
        .order_by(GisLayer.id)
    )
    rows = read_rows(store, statement)
    return [LayerInfo(i, layer, name, datum, as_utc(at), n or 0) for i, layer, name, datum, at, n in rows]


def layer_features(store: Store, layer: str) -> list[StoredFeature]:
    """Every stored feature of one layer kind (all its imports), in import order — what the map draws."""
    feature = GisFeature
    statement = (
        select(
            feature.id,
            feature.layer_id,
            feature.geometry_type,
            feature.name,
            feature.parts,
            feature.properties,
        )
        .join(GisLayer, GisLayer.id == feature.layer_id)
        .where(GisLayer.layer == layer)
        .order_by(feature.id)
    )
    with reading(store) as connection:
        return [StoredFeature(*row) for row in connection.execute(statement)]
