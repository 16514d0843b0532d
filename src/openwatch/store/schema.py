"""The database tables (SQLAlchemy 2 declarative models); Alembic migrations in migrations/ create them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

JsonData = JSON()
"""JSON text in both databases (PostgreSQL's json, not jsonb, keeps numbers exactly as written)."""


class Base(DeclarativeBase):
    """Base of every table."""


class Project(Base):
    """A project that has been audited, identified by its absolute path."""

    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(String(255), index=True)
    created_at: Mapped[dt.datetime]
    audits: Mapped[list[AuditRecord]] = relationship(back_populates="project")


class AuditRecord(Base):
    """One recorded `openwatch audit`: when, at which commit, with which catalog, and its full result."""

    __tablename__ = "audits"
    __table_args__ = (Index("ix_audits_project_recorded", "project_id", "recorded_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    recorded_at: Mapped[dt.datetime]
    """UTC, without a time zone."""
    audit_date: Mapped[dt.date]
    git_commit: Mapped[str | None] = mapped_column(String(64))
    tool_version: Mapped[str] = mapped_column(String(32))
    catalog_version: Mapped[str] = mapped_column(String(32))
    catalog_fingerprint: Mapped[str] = mapped_column(String(64))
    models_count: Mapped[int]
    findings_count: Mapped[int]
    policy_passed: Mapped[bool]
    result: Mapped[dict[str, Any]] = mapped_column(JsonData)
    project: Mapped[Project] = relationship(back_populates="audits")
    models: Mapped[list[AuditModel]] = relationship(back_populates="audit", cascade="all, delete-orphan")


class AuditModel(Base):
    """A model an audit found, so projects can be found by the lab, family or model they depend on."""

    __tablename__ = "audit_models"

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audits.id", ondelete="CASCADE"), index=True)
    model_id: Mapped[str] = mapped_column(String(255), index=True)
    lab: Mapped[str] = mapped_column(String(255), index=True)
    family: Mapped[str] = mapped_column(String(255))
    audit: Mapped[AuditRecord] = relationship(back_populates="models")


class Feed(Base):
    """A news feed to pull: a URL (pulled only with --online) or a local file."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    location: Mapped[str] = mapped_column(Text, unique=True)
    kind: Mapped[str] = mapped_column(String(8))
    """"url" or "file"."""
    title: Mapped[str | None] = mapped_column(Text)
    added_at: Mapped[dt.datetime]
    pulled_at: Mapped[dt.datetime | None]
    items: Mapped[list[FeedItem]] = relationship(back_populates="feed", cascade="all, delete-orphan")


class FeedItem(Base):
    """An item seen in a feed: queued for triage when it mentions the catalog, else dropped (kept as seen)."""

    __tablename__ = "feed_items"
    __table_args__ = (UniqueConstraint("feed_id", "guid_key", name="uq_feed_items_feed_guid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"), index=True)
    guid_key: Mapped[str] = mapped_column(String(64))
    """SHA-256 of the item's id (its guid, else link, else title and date), so re-pulls never duplicate."""
    guid: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    link: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None]
    summary: Mapped[str] = mapped_column(Text)
    matches: Mapped[list[dict[str, Any]]] = mapped_column(JsonData)
    state: Mapped[str] = mapped_column(String(16), index=True)
    """"queued", "dropped", "accepted" or "dismissed"."""
    event_id: Mapped[str | None] = mapped_column(String(255))
    seen_at: Mapped[dt.datetime]
    feed: Mapped[Feed] = relationship(back_populates="items")
