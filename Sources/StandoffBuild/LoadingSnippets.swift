import StandoffCore

/// Code for the dataset card that loads every table with its types in pandas, polars, DuckDB,
/// R (readr, jsonlite) and Hugging Face `datasets`: dates as dates, lists as lists, label columns
/// as categories, missing values as the tool's NA.
///
/// Written from the table schemas, so a new column, date or category needs no edit here. Each
/// snippet runs as it is from the extracted release folder (the one holding `README.md`); the
/// interop tests run them so.
struct LoadingSnippets {
    /// The tables, in card order.
    let tables: [TableSchema]
    /// The config `load_dataset(folder)` loads.
    let defaultTable: String
    /// `<name>-<version>`: the archives' stem and top folder.
    let releaseName: String

    /// How a `list` column's items are joined in CSV.
    static let listDelimiter = DataPackage.listDelimiter

    private func columns(_ table: TableSchema, _ type: TableSchema.ColumnType) -> [String] {
        table.columns.filter { $0.type == type }.map(\.name)
    }

    private func categorised(_ table: TableSchema) -> [(column: String, values: [String])] {
        table.columns.compactMap { column in column.categories.map { (column.name, $0) } }
    }

    /// A double-quoted string literal for Python and R (the names and ids here are plain text).
    private func quoted(_ text: String) -> String { RowEncoding.jsonString(text) }

    private func quotedList(_ values: [String]) -> String { values.map(quoted).joined(separator: ", ") }

    /// A single-quoted SQL string literal.
    private func sqlQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    /// pandas over the JSON Lines files.
    var pandas: String {
        var code = """
        import pandas as pd


        def read_table(name, dates=(), categories={}):
            \"\"\"data/<name>.jsonl: lists as lists, missing values as NA, dates and labels typed.\"\"\"
            frame = pd.read_json(f"data/{name}.jsonl", lines=True, dtype=False)
            for column in dates:
                frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
            return frame.astype({column: pd.CategoricalDtype(values) for column, values in categories.items()})



        """
        for table in tables {
            var arguments = [quoted(table.name)]
            let dates = columns(table, .date)
            if !dates.isEmpty { arguments.append("dates=[\(quotedList(dates))]") }
            let categories = categorised(table)
            if !categories.isEmpty {
                arguments.append("categories={\n" + categories.map { "    \(quoted($0.column)): [\(quotedList($0.values))],\n" }.joined() + "}")
            }
            code += "\(table.name) = read_table(\(arguments.joined(separator: ", ")))\n"
        }
        return code
    }

    /// polars over the JSON Lines files. Dates, labels and text that may be missing get their type
    /// up front, so a column that happens to be all null in a release still loads with it.
    var polars: String {
        var code = "import polars as pl\n\n"
        for table in tables {
            var overrides: [String] = []
            for column in table.columns {
                if let categories = column.categories {
                    overrides.append("\(quoted(column.name)): pl.Enum([\(quotedList(categories))])")
                } else if column.type == .date {
                    overrides.append("\(quoted(column.name)): pl.Date")
                } else if column.type == .string, column.nullable {
                    overrides.append("\(quoted(column.name)): pl.String")
                }
            }
            code += "\(table.name) = pl.read_ndjson(\"data/\(table.name).jsonl\", infer_schema_length=None"
            code += overrides.isEmpty ? ")\n" : ", schema_overrides={\n" + overrides.map { "    \($0),\n" }.joined() + "})\n"
        }
        return code
    }

    /// DuckDB SQL over the JSON Lines files (lists and cue records come as DuckDB lists and structs);
    /// dates, labels and text that may be missing are cast, as for polars.
    var duckDB: String {
        tables.map { table in
            let replaced: [String] = table.columns.compactMap { column in
                if let categories = column.categories {
                    return "CAST(\(column.name) AS ENUM (\(categories.map(sqlQuoted).joined(separator: ", ")))) AS \(column.name)"
                }
                switch column.type {
                case .date: return "CAST(\(column.name) AS DATE) AS \(column.name)"
                // Text that is null in every row would otherwise come as DuckDB's JSON type.
                case .string where column.nullable: return "CAST(\(column.name) AS VARCHAR) AS \(column.name)"
                default: return nil
                }
            }
            let select = replaced.isEmpty ? "SELECT *" : "SELECT * REPLACE (\n    " + replaced.joined(separator: ",\n    ") + ")"
            return "CREATE TABLE \(table.name) AS \(select)\n  FROM read_json('data/\(table.name).jsonl');\n"
        }.joined()
    }

    /// R's readr over the CSV files.
    var readr: String {
        var code = """
        library(readr)

        # An empty CSV field is NA; a list column's items are joined by "\(Self.listDelimiter)", and an
        # empty field there is an empty list (character(0)), never NA.
        split_list <- function(x) strsplit(ifelse(is.na(x), "", x), \(quoted(Self.listDelimiter)), fixed = TRUE)

        """
        for table in tables {
            var types = ["  .default = col_character()"]
            for column in table.columns {
                switch column.type {
                case .integer: types.append("  \(column.name) = col_integer()")
                case .date: types.append("  \(column.name) = col_date(\"%Y-%m-%d\")")
                case .string, .list, .records:
                    if let categories = column.categories { types.append("  \(column.name) = col_factor(c(\(quotedList(categories))))") }
                }
            }
            code += "\n\(table.name) <- read_csv(\"data/\(table.name).csv\", na = \"\", col_types = cols(\n" + types.joined(separator: ",\n") + "\n))\n"
            for column in columns(table, .list) { code += "\(table.name)$\(column) <- split_list(\(table.name)$\(column))\n" }
            // A list of objects is JSON text in CSV.
            for column in columns(table, .records) { code += "\(table.name)$\(column) <- lapply(\(table.name)$\(column), jsonlite::fromJSON)\n" }
        }
        return code
    }

    /// R's jsonlite over the JSON Lines files.
    var jsonlite: String {
        var code = """
        library(jsonlite)

        # null is NA; arrays are list columns (cue records as data frames).
        read_table <- function(name) stream_in(file(file.path("data", paste0(name, ".jsonl"))), verbose = FALSE)

        """
        for table in tables {
            code += "\n\(table.name) <- read_table(\(quoted(table.name)))\n"
            for column in columns(table, .date) { code += "\(table.name)$\(column) <- as.Date(\(table.name)$\(column), format = \"%Y-%m-%d\")\n" }
            for (column, values) in categorised(table) {
                code += "\(table.name)$\(column) <- factor(\(table.name)$\(column), levels = c(\(quotedList(values))))\n"
            }
        }
        return code
    }

    /// Hugging Face `datasets` through the card's own metadata. The folder is named by its full
    /// path: `datasets` names the dataset after the folder, and "." has no name.
    var huggingFace: String {
        var code = "import os\n\nfrom datasets import load_dataset\n\nfolder = os.getcwd()  # this release folder\n"
        for table in tables {
            code += table.name == defaultTable
                ? "\(table.name) = load_dataset(folder, split=\"train\")  # the default config\n"
                : "\(table.name) = load_dataset(folder, \(quoted(table.name)), split=\"train\")\n"
        }
        return code
    }

    /// pandas straight from the zip, in the folder it was downloaded to.
    var fromArchive: String {
        let table = tables.first { $0.name == defaultTable } ?? tables[0]
        return """
        import pandas as pd

        \(table.name) = pd.read_json("zip://\(releaseName)/data/\(table.name).jsonl::\(releaseName).zip", lines=True, dtype=False)

        """
    }
}
