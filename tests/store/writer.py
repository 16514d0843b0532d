"""A child process for the durability tests: records audits into a database given by URL.

usage: writer.py URL RESULT_JSON MODE COUNT PROJECT
  MODE loop:  record COUNT audits one after another, printing "committed ID" after each commit.
  MODE hold:  add one audit, flush it to the database, print "in-transaction", then sleep (to be killed).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from openwatch.store.database import create_store_engine, writing
from openwatch.store.history import AuditToRecord, add_audit, record_audit, utc_now


def main() -> None:
    """Run one writer."""
    url, result_file, mode, count, project = sys.argv[1:6]
    result = json.loads(Path(result_file).read_text(encoding="utf-8"))
    engine = create_store_engine(url)
    print("ready", flush=True)

    def audit(n: int) -> AuditToRecord:
        result["stats"]["writer_sequence"] = n
        return AuditToRecord(project, Path(project).name, None, utc_now(), "test", "f" * 32, result)

    if mode == "hold":
        result["padding"] = "x" * 8_000_000  # more than SQLite's page cache: uncommitted pages reach the WAL
        with writing(engine) as session:
            add_audit(session, audit(0))
            session.flush()
            print("in-transaction", flush=True)
            time.sleep(120)
        return
    for n in range(int(count)):
        print(f"committed {record_audit(engine, audit(n))}", flush=True)


if __name__ == "__main__":
    main()
