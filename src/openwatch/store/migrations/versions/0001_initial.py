"""Initial schema: projects, audits, the models each audit found, feeds and feed items.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON_DATA = sa.JSON()


def upgrade() -> None:
    """Create every table."""
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("path", sa.Text(), nullable=False, unique=True),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_projects_name", "projects", ["name"])
    op.create_table(
        "audits",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "project_id", sa.Integer(), sa.ForeignKey("projects.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("audit_date", sa.Date(), nullable=False),
        sa.Column("git_commit", sa.String(64), nullable=True),
        sa.Column("tool_version", sa.String(32), nullable=False),
        sa.Column("catalog_version", sa.String(32), nullable=False),
        sa.Column("catalog_fingerprint", sa.String(64), nullable=False),
        sa.Column("models_count", sa.Integer(), nullable=False),
        sa.Column("findings_count", sa.Integer(), nullable=False),
        sa.Column("policy_passed", sa.Boolean(), nullable=False),
        sa.Column("result", JSON_DATA, nullable=False),
    )
    op.create_index("ix_audits_project_recorded", "audits", ["project_id", "recorded_at"])
    op.create_table(
        "audit_models",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("audit_id", sa.Integer(), sa.ForeignKey("audits.id", ondelete="CASCADE"), nullable=False),
        sa.Column("model_id", sa.String(255), nullable=False),
        sa.Column("lab", sa.String(255), nullable=False),
        sa.Column("family", sa.String(255), nullable=False),
    )
    op.create_index("ix_audit_models_audit_id", "audit_models", ["audit_id"])
    op.create_index("ix_audit_models_model_id", "audit_models", ["model_id"])
    op.create_index("ix_audit_models_lab", "audit_models", ["lab"])
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("location", sa.Text(), nullable=False, unique=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("pulled_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "feed_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("feed_id", sa.Integer(), sa.ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False),
        sa.Column("guid_key", sa.String(64), nullable=False),
        sa.Column("guid", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("link", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("matches", JSON_DATA, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("event_id", sa.String(255), nullable=True),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("feed_id", "guid_key", name="uq_feed_items_feed_guid"),
    )
    op.create_index("ix_feed_items_feed_id", "feed_items", ["feed_id"])
    op.create_index("ix_feed_items_state", "feed_items", ["state"])


def downgrade() -> None:
    """Drop every table."""
    for table in ("feed_items", "feeds", "audit_models", "audits", "projects"):
        op.drop_table(table)
