"""Shared importer plumbing: data folders, name normalisation, catalog matching, hashing and output."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from openwatch.catalog.aliases import normalise_alias
from openwatch.catalog.imported import Enrichment, ImportedFile
from openwatch.catalog.load import Catalog, generated_data_dir, merged_catalog, package_roots
from openwatch.catalog.schema import Model


class ImporterInputError(Exception):
    """A problem the user can fix (missing data folder or file); the CLI prints it and exits non-zero."""


REPOSITORY_SOURCES = Path(__file__).resolve().parents[4] / "data" / "sources"
"""The datasets vendored in the repository (present in a source checkout, not in an installed wheel)."""


def default_data_dir() -> Path:
    """$OPENWATCH_DATA, else the repository's data/sources folder."""
    explicit = os.environ.get("OPENWATCH_DATA")
    if explicit:
        return Path(explicit)
    if REPOSITORY_SOURCES.is_dir():
        return REPOSITORY_SOURCES
    raise ImporterInputError("no data folder found: pass --data DIR or set OPENWATCH_DATA")


def default_out_dir() -> Path:
    """The package's generated/imported/ folder."""
    return generated_data_dir() / "imported"


def require_dir(path: Path, what: str) -> Path:
    """The folder, or a clear error naming what was expected there."""
    if not path.is_dir():
        raise ImporterInputError(f"{what} folder not found: {path}")
    return path


_DOT_BETWEEN_DIGITS = re.compile(r"(?<=\d)\.(?=\d)")
_NON_ALNUM = re.compile(r"[^a-z0-9\0\u00c0-\uffff]+")
_DATE_QUALIFIER = re.compile(
    r"\s*\((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}\)\s*$", re.IGNORECASE
)


def normalise_name(text: str) -> str:
    """Lower-case, punctuation to spaces, dots kept between digits ("Llama 3.1-405B" -> "llama 3.1 405b")."""
    lowered = _DOT_BETWEEN_DIGITS.sub("\0", text.strip().lower())
    return " ".join(_NON_ALNUM.sub(" ", lowered).split()).replace("\0", ".").strip()


def strip_date_qualifier(name: str) -> str | None:
    """The name without a trailing "(Mon YYYY)" snapshot qualifier, or None if it has none."""
    stripped = _DATE_QUALIFIER.sub("", name)
    return stripped if stripped != name else None


def slugify(text: str) -> str:
    """A model-id slug: lower-case, runs of other characters to '-', no leading/trailing '-'."""
    slug = re.sub(r"[^a-z0-9.+]+", "-", text.strip().lower()).strip("-.+")
    return re.sub(r"-{2,}", "-", slug)


def hub_repo_id(url: str | None) -> str | None:
    """The "org/name" repo id of a Hugging Face model URL, else None."""
    if not url or not isinstance(url, str):
        return None
    parsed = urlparse(url.strip())
    if parsed.netloc.lower() not in {"huggingface.co", "www.huggingface.co", "hf.co"}:
        return None
    parts = [p for p in parsed.path.split("/") if p]
    if parts and parts[0] in {"datasets", "spaces"}:
        return None
    return f"{parts[0]}/{parts[1]}" if len(parts) >= 2 else None


def sha256_of_files(paths: Iterable[Path], root: Path) -> str:
    """One digest over the files read: each file's path relative to root and its bytes' sha256, sorted."""
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.relative_to(root).as_posix()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).hexdigest().encode())
        digest.update(b"\n")
    return digest.hexdigest()


_RETRIEVED = re.compile(r"(?:retrieved|copied here)[^0-9]{0,40}(\d{4}-\d{2}-\d{2})", re.IGNORECASE)


def retrieved_date(source_md: Path) -> dt.date:
    """The retrieval date stated in a dataset's SOURCE.md (deterministic, unlike today's date)."""
    match = _RETRIEVED.search(source_md.read_text(encoding="utf-8")) if source_md.is_file() else None
    if match is None:
        raise ImporterInputError(f"no retrieval date found in {source_md}")
    return dt.date.fromisoformat(match.group(1))


def curated_catalog() -> tuple[Catalog, int]:
    """The package's curated catalog (labs and licences, no imported/), with the number of problems seen."""
    catalog, problems = merged_catalog(package_roots(), include_imported=False)
    return catalog, len(problems)


_SIZE = re.compile(r"\b\d+(?:\.\d+)?[bmk]\b")
_SYNONYMS = {"it": "instruct"}


def match_key(text: str) -> str:
    """The normalised name with token synonyms applied ("Gemma 1.1 7B IT" == "Gemma 1.1 7B Instruct")."""
    return " ".join(_SYNONYMS.get(token, token) for token in normalise_name(text).split())


def size_tokens(text: str) -> set[str]:
    """Parameter-size tokens in a name, e.g. {"7b"} for "CodeGemma-7B"."""
    return set(_SIZE.findall(normalise_name(text)))


@dataclass(frozen=True)
class Match:
    """A dataset row matched to a catalog model, and how."""

    model_id: str
    how: str


class CatalogMatcher:
    """Conservative matching of dataset rows to curated models: exact hub id, or a unique name in the lab."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._names: dict[str, set[str]] = {}
        for model in catalog.models.values():
            for text in self._name_forms(model):
                self._names.setdefault(match_key(text), set()).add(model.id)
        self._compact = {re.sub(r"[^a-z0-9]", "", key) for key in self._names}
        self._labs: dict[str, set[str]] = {}
        for lab in catalog.labs.values():
            for text in (lab.id, lab.name, *lab.aliases):
                self._labs.setdefault(normalise_name(text), set()).add(lab.id)

    @staticmethod
    def _name_forms(model: Model) -> list[str]:
        forms = [model.name, model.id.split("/", 1)[1]]
        forms += [hub.split("/", 1)[-1] for hub in model.aliases.hub]
        forms += list(model.aliases.other)
        return forms

    def lab_for(self, organisation: str) -> str | None:
        """The catalog lab of the lead organisation (first of comma-joined parts), else None."""
        key = normalise_name(organisation.split(",")[0])
        found = self._labs.get(key) or self._labs.get(_strip_org_suffix(key), set())
        return next(iter(found)) if len(found) == 1 else None

    def by_hub_id(self, repo_ids: Sequence[str], name: str | None = None) -> Match | None:
        """The model whose alias or id is one of these repo ids (and whose size agrees with `name`)."""
        for repo in repo_ids:
            model_id = self.catalog.alias_index.get(normalise_alias(repo))
            if model_id and model_id in self.catalog.models and self._sizes_agree(name, model_id):
                return Match(model_id, f"hub id {repo}")
        return None

    def _sizes_agree(self, name: str | None, model_id: str) -> bool:
        """False when the dataset's name states a size the matched model's names never mention."""
        wanted = size_tokens(name) if name else set()
        if not wanted:
            return True
        have: set[str] = set()
        for text in self._name_forms(self.catalog.models[model_id]):
            have |= size_tokens(text)
        return wanted <= have

    def by_link_or_name(self, link: object, name: object, organisation: object) -> Match | None:
        """A record's model: by its Hugging Face link (size permitting), else by name in its lab."""
        text = name if isinstance(name, str) else None
        repo = hub_repo_id(link) if isinstance(link, str) else None
        found = self.by_hub_id([repo], text) if repo else None
        if found is None and text:
            lab = self.lab_for(organisation) if isinstance(organisation, str) and organisation else None
            found = self.by_name(text, lab)
        return found

    def named_anywhere(self, name: str) -> bool:
        """True if a curated model of any lab has this name, spaces and punctuation ignored (co-developed)."""
        return re.sub(r"[^a-z0-9]", "", match_key(name)) in self._compact

    def by_name(self, name: str, lab: str | None) -> Match | None:
        """The single model of `lab` whose normalised name, slug, hub name or other alias equals `name`."""
        if lab is None:
            return None
        ids = {i for i in self._names.get(match_key(name), set()) if self.catalog.models[i].lab == lab}
        return Match(next(iter(ids)), f"name {name!r}") if len(ids) == 1 else None


_ORG_SUFFIXES = ("ai research", "research", "ai", "labs", "lab", "inc", "corp", "corporation", "ltd", "group")


def _strip_org_suffix(key: str) -> str:
    for suffix in _ORG_SUFFIXES:
        if key.endswith(" " + suffix):
            return key[: -len(suffix) - 1]
    return key


@dataclass
class ImportSummary:
    """What an importer did, for the CLI to print."""

    dataset: str
    rows: int = 0
    matched: int = 0
    created: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    unmapped_organisations: Counter[str] = field(default_factory=Counter)
    catalog_problems: int = 0
    output: Path | None = None

    def lines(self) -> list[str]:
        """The summary as short lines of text."""
        out = [
            f"{self.dataset}: {self.rows} rows read, {self.matched} matched to catalog models, "
            f"{self.created} new models, {sum(self.skipped.values())} skipped"
        ]
        out += [f"  skipped {count}: {reason}" for reason, count in sorted(self.skipped.items())]
        if self.unmapped_organisations:
            top = ", ".join(f"{org} ({n})" for org, n in self.unmapped_organisations.most_common(10))
            out.append(f"  unmapped organisations: {len(self.unmapped_organisations)}; most rows: {top}")
        if self.catalog_problems:
            out.append(f"  note: the curated catalog has {self.catalog_problems} validation problems")
        if self.output is not None:
            out.append(f"  wrote {self.output}")
        return out


def write_imported(imported: ImportedFile, path: Path) -> None:
    """Write an importer's output as stable, sorted YAML (same input, same bytes)."""
    data = imported.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data = {"dataset": imported.dataset, "retrieved": imported.retrieved.isoformat(), **data}
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)
    path.write_text(text, encoding="utf-8")


@dataclass(frozen=True)
class RecordSet:
    """A dataset of one YAML record per model: where it lives and how a record becomes an enrichment."""

    dataset: str
    attribution: str
    data_licence: str
    folder: str
    pattern: str
    what: str
    output: str
    prefix: str
    section: str
    """The key a record must have as a mapping (`release`, `system`), else it is skipped."""
    match: Callable[[CatalogMatcher, dict[str, Any]], Match | None]
    facts: Callable[[dict[str, Any]], dict[str, Any]]
    """The enrichment fields a matched record contributes."""


def import_records(spec: RecordSet, data_dir: Path, out_dir: Path) -> ImportSummary:
    """Read every record, match it to the curated catalog and write the enrichments with attribution."""
    folder = require_dir(data_dir / spec.folder, f"{spec.what} data")
    files = sorted(folder.glob(spec.pattern))
    if not files:
        raise ImporterInputError(f"no {spec.what} records ({spec.pattern}) in {folder}")
    catalog, problems = curated_catalog()
    matcher = CatalogMatcher(catalog)
    summary = ImportSummary(dataset=spec.prefix, rows=len(files), catalog_problems=problems)
    enrichments: list[Enrichment] = []
    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            summary.skipped["not valid YAML"] += 1
            continue
        if not isinstance(data, dict) or not isinstance(data.get(spec.section), dict):
            summary.skipped[f"no {spec.section} section"] += 1
            continue
        found = spec.match(matcher, data)
        if found is None:
            summary.skipped["no catalog model matches"] += 1
            continue
        summary.matched += 1
        record = f"{spec.prefix}:{path.name}"
        enrichments.append(Enrichment(model=found.model_id, record=record, **spec.facts(data)))
    imported = ImportedFile(
        dataset=spec.dataset,
        attribution=spec.attribution,
        data_licence=spec.data_licence,
        retrieved=retrieved_date(folder / "SOURCE.md"),
        input_sha256=sha256_of_files(files, data_dir),
        enrichments=sorted(enrichments, key=lambda e: (e.model, e.record)),
    )
    summary.output = out_dir / spec.output
    write_imported(imported, summary.output)
    return summary
