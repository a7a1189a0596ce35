"""Runs loading snippets as a researcher would, in the extracted release folder, and reports what
each tool made of every table it loaded; `expected` says what the data package and the JSONL
rows say it should be.

A report maps table → {"rows", "columns": name → {"kind", "nulls", and "levels" for a category,
"lengths" for a list or records column, "values" (ISO text) for a date}}; kinds are "string",
"integer", "date", "category", "list" and "records".
"""
import json
import os
import re
import subprocess
import sys

TABLE_NAMES = ["documents", "sentences", "mentions", "stances", "removed"]

# Each probe describes, in the tool's own terms, every table the snippet left in a variable of
# the table's name, and prints the report as JSON on its last line.
PYTHON_PROBE = r'''
import json as _json


def _kind_of_python_values(values):
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, list) for v in present):
        return "records" if any(isinstance(x, dict) for v in present for x in v) else "list"
    return None


def _describe_pandas(frame):
    import pandas as pd
    columns = {}
    for name in frame.columns:
        series = frame[name]
        column = {"nulls": int(series.isna().sum())}
        listed = _kind_of_python_values(list(series)) if series.dtype == object else None
        if isinstance(series.dtype, pd.CategoricalDtype):
            column.update(kind="category", levels=[str(v) for v in series.cat.categories])
        elif pd.api.types.is_datetime64_any_dtype(series):
            column.update(kind="date", values=[None if pd.isna(v) else v.strftime("%Y-%m-%d") for v in series])
        elif pd.api.types.is_integer_dtype(series):
            column.update(kind="integer")
        elif listed:
            column.update(kind=listed, nulls=0, lengths=[len(v) for v in series])
        elif pd.api.types.is_string_dtype(series):
            column.update(kind="string")
        else:
            column.update(kind=str(series.dtype))
        columns[name] = column
    return {"rows": len(frame), "columns": columns}


def _describe_polars(frame):
    import polars as pl
    columns = {}
    for name, dtype in frame.schema.items():
        series = frame[name]
        column = {"nulls": series.null_count()}
        if isinstance(dtype, (pl.Enum, pl.Categorical)):
            column.update(kind="category", levels=list(dtype.categories))
        elif dtype == pl.Date:
            column.update(kind="date", values=[None if v is None else v.isoformat() for v in series.to_list()])
        elif dtype.is_integer():
            column.update(kind="integer")
        elif isinstance(dtype, pl.List):
            column.update(kind="records" if isinstance(dtype.inner, pl.Struct) else "list", lengths=series.list.len().to_list())
        elif dtype == pl.String:
            column.update(kind="string")
        else:
            column.update(kind=str(dtype))
        columns[name] = column
    return {"rows": frame.height, "columns": columns}


def _describe_datasets(dataset):
    import datasets
    columns = {}
    for name, feature in dataset.features.items():
        values = dataset[name]
        column = {"nulls": sum(v is None for v in values)}
        if isinstance(feature, datasets.ClassLabel):
            column.update(kind="category", levels=list(feature.names))
        elif isinstance(feature, datasets.Value) and feature.dtype.startswith("date32"):
            column.update(kind="date", values=[None if v is None else v.isoformat() for v in values])
        elif isinstance(feature, datasets.Value) and feature.dtype.startswith("int"):
            column.update(kind="integer")
        elif isinstance(feature, datasets.List):
            column.update(kind="records" if isinstance(feature.feature, dict) else "list", nulls=0, lengths=[len(v) for v in values])
        elif isinstance(feature, datasets.Value) and feature.dtype == "string":
            column.update(kind="string")
        else:
            column.update(kind=repr(feature))
        columns[name] = column
    return {"rows": len(dataset), "columns": columns}


def _describe(value):
    module = type(value).__module__.split(".")[0]
    return {"pandas": _describe_pandas, "polars": _describe_polars, "datasets": _describe_datasets}[module](value)


print(_json.dumps({name: _describe(globals()[name]) for name in TABLES if name in globals()}))
'''

DUCKDB_PROBE = r'''
import json as _json
import re as _re


def _describe_duckdb(connection, table):
    columns = {}
    for name, kind, *_ in connection.execute(f'DESCRIBE "{table}"').fetchall():
        quoted = '"' + name.replace('"', '""') + '"'
        nulls = connection.execute(f'SELECT count(*) - count({quoted}) FROM "{table}"').fetchone()[0]
        column = {"nulls": nulls}
        if kind.startswith("ENUM("):
            column.update(kind="category", levels=[level.replace("''", "'") for level in _re.findall(r"'((?:[^']|'')*)'", kind)])
        elif kind == "DATE":
            values = connection.execute(f'SELECT strftime({quoted}, \'%Y-%m-%d\') FROM "{table}" ORDER BY rowid').fetchall()
            column.update(kind="date", values=[v for (v,) in values])
        elif kind in ("BIGINT", "INTEGER", "HUGEINT", "SMALLINT", "TINYINT", "UBIGINT", "UINTEGER"):
            column.update(kind="integer")
        elif kind.endswith("[]"):
            lengths = connection.execute(f'SELECT len({quoted}) FROM "{table}" ORDER BY rowid').fetchall()
            column.update(kind="records" if kind.startswith("STRUCT") else "list", lengths=[v for (v,) in lengths])
        elif kind == "VARCHAR":
            column.update(kind="string")
        else:
            column.update(kind=kind)
        columns[name] = column
    return {"rows": connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0], "columns": columns}


_tables = {name for (name,) in _connection.execute("SELECT table_name FROM information_schema.tables").fetchall()}
print(_json.dumps({name: _describe_duckdb(_connection, name) for name in TABLES if name in _tables}))
'''

R_PROBE = r'''
.describe <- function(frame) {
  columns <- list()
  for (name in names(frame)) {
    x <- frame[[name]]
    column <- list()
    if (is.factor(x)) {
      column <- list(kind = "category", levels = I(levels(x)), nulls = sum(is.na(x)))
    } else if (inherits(x, "Date")) {
      column <- list(kind = "date", values = I(ifelse(is.na(x), NA, format(x, "%Y-%m-%d"))), nulls = sum(is.na(x)))
    } else if (is.integer(x)) {
      column <- list(kind = "integer", nulls = sum(is.na(x)))
    } else if (is.list(x)) {
      records <- any(vapply(x, is.data.frame, logical(1)))
      sizes <- vapply(x, function(v) if (is.data.frame(v)) nrow(v) else length(v), integer(1))
      column <- list(kind = if (records) "records" else "list", lengths = I(as.integer(sizes)), nulls = 0L)
    } else if (is.character(x)) {
      column <- list(kind = "string", nulls = sum(is.na(x)))
    } else {
      column <- list(kind = class(x)[1], nulls = sum(is.na(x)))
    }
    columns[[name]] <- column
  }
  list(rows = nrow(frame), columns = columns)
}
.report <- list()
for (.name in c("documents", "sentences", "mentions", "stances", "removed")) {
  if (exists(.name)) .report[[.name]] <- .describe(get(.name))
}
cat("\n", jsonlite::toJSON(.report, auto_unbox = TRUE, na = "null", null = "null"), "\n", sep = "")
'''


def run_python(code, folder, env=None):
    """Runs a Python snippet and the probe in `folder`; returns the report."""
    program = f"TABLES = {TABLE_NAMES!r}\n" + code + "\n" + PYTHON_PROBE
    return _report(subprocess.run([sys.executable, "-c", program], cwd=folder, capture_output=True, text=True, env=env))


def run_duckdb(sql, folder):
    """Runs DuckDB SQL in `folder` through the Python client; returns the report."""
    program = (f"TABLES = {TABLE_NAMES!r}\nimport duckdb\n_connection = duckdb.connect()\n"
               f"for _statement in {split_sql(sql)!r}:\n    _connection.execute(_statement)\n" + DUCKDB_PROBE)
    return _report(subprocess.run([sys.executable, "-c", program], cwd=folder, capture_output=True, text=True))


def run_r(code, folder, tmp_path):
    """Runs an R snippet with Rscript in `folder`; returns the report."""
    script = tmp_path / "snippet.R"
    script.write_text(code + "\n" + R_PROBE, encoding="utf-8")
    return _report(subprocess.run(["Rscript", "--vanilla", str(script)], cwd=folder, capture_output=True, text=True))


def split_sql(sql):
    """The statements of a SQL snippet (none of ours holds a ';' inside a literal)."""
    return [statement.strip() for statement in sql.split(";") if statement.strip()]


def _report(result):
    assert result.returncode == 0, (result.stdout[-3000:], result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def expected(folder, table):
    """What a loader should report for `table`: the kinds the data package declares, and the
    nulls, list lengths and dates of the JSONL rows."""
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in package["resources"] if r["name"] == table)
    with open(folder / "data" / f"{table}.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    columns = {}
    for field in resource["schema"]["fields"]:
        name = field["name"]
        values = [row[name] for row in rows]
        kind = {"date": "date", "integer": "integer", "list": "list", "array": "records"}.get(field["type"], "string")
        if "categories" in field:
            kind = "category"
        column = {"kind": kind, "nulls": sum(value is None for value in values)}
        if kind == "category":
            column["levels"] = field["categories"]
        if kind in ("list", "records"):
            column["lengths"] = [len(value) for value in values]
        if kind == "date":
            column["values"] = values
        columns[name] = column
    return {"rows": len(rows), "columns": columns}


def assert_loaded_with_types(report, folder, tables):
    """Every table in `tables` is in `report`, with each column as the data package says."""
    assert sorted(report) == sorted(tables), f"the snippet defined {sorted(report)}, expected {sorted(tables)}"
    for table in tables:
        want = expected(folder, table)
        got = report[table]
        assert got["rows"] == want["rows"], table
        assert sorted(got["columns"]) == sorted(want["columns"]), table
        for name, column in want["columns"].items():
            assert got["columns"][name] == column, (table, name, got["columns"][name], column)


def code_blocks(markdown, heading):
    """(language, code) of every fenced block under the `## heading` section of `markdown`."""
    lines = markdown.split("\n")
    start = lines.index(f"## {heading}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    section = "\n".join(lines[start:end])
    return re.findall(r"^```(\w+)\n(.*?)^```", section, flags=re.S | re.M)


def fresh_hf_env(tmp_path):
    """An offline Hugging Face environment with an empty cache: a warm cache would hide failures."""
    return dict(os.environ, HF_HOME=str(tmp_path / "hf"), HF_DATASETS_OFFLINE="1", HF_HUB_OFFLINE="1")
