import Crypto
import Foundation

/// The style sheet and the one script every report page embeds, so each page stands alone:
/// no network, no framework, nothing to load but the file.
public enum ReportStyle {
    /// The fill of `none` in stance bar charts: a grey that sits back from the two label hues.
    static let noneBar = "#BBBBBB"

    /// The CSS: readable type, the palette's tints and hues, a print layout.
    public static let css: String = {
        var rules = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 17px/1.6 "Source Serif 4", "Noto Serif", Georgia, "DejaVu Serif", serif; color: \(ReportPalette.text); background: #FFFFFF; }
        header, main, footer, nav { max-width: 52rem; margin: 0 auto; padding: 0 1.25rem; }
        main.wide, header.wide, footer.wide { max-width: 72rem; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: 1.2rem 0 .4rem; }
        h2 { font: 600 1.15rem/1.3 system-ui, "DejaVu Sans", sans-serif; margin: 2rem 0 .6rem; border-bottom: 1px solid #DDDDDD; padding-bottom: .2rem; }
        nav { font: .85rem/1.4 system-ui, "DejaVu Sans", sans-serif; padding-top: .8rem; }
        a { color: #005A8C; }
        .meta, .legend, table, .note, figure figcaption, .badge, .reason, .ln { font-family: system-ui, "DejaVu Sans", sans-serif; }
        .meta { font-size: .9rem; color: #444444; margin: 0 0 .6rem; }
        .meta dt { display: inline; font-weight: 600; }
        .meta dd { display: inline; margin: 0 1rem 0 .25rem; }
        .note { font-size: .85rem; color: #444444; }
        .legend { font-size: .8rem; display: flex; flex-wrap: wrap; gap: .3rem .9rem; align-items: center; padding: .5rem .7rem; border: 1px solid #DDDDDD; border-radius: .4rem; background: #FAFAFA; margin: .6rem 0 1rem; }
        .legend b { font-weight: 600; margin-right: -.4rem; }
        .swatch { display: inline-block; width: 1.6em; height: 1em; vertical-align: -.15em; border: 1px solid #888888; border-radius: .2em; margin-right: .3em; }
        p.para { margin: 0 0 1em; line-height: 2.1; }
        .s { padding: .15em 0; border-radius: .2em; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
        .s:target { outline: 2px solid \(ReportPalette.text); }
        mark.ent { color: inherit; padding: .05em .25em; border: 1.5px solid; border-radius: .35em; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
        mark.ent::after { content: attr(data-type); font: 700 .58em/1 system-ui, "DejaVu Sans", sans-serif; letter-spacing: .02em; margin-left: .35em; vertical-align: .12em; }
        mark.ent.corrected { border-style: dashed; }
        u.cue { text-decoration-line: underline; text-decoration-thickness: 2.5px; text-underline-offset: .28em; text-decoration-skip-ink: none; }
        u.cue.c-favor { text-decoration-color: \(ReportPalette.stance("favor").hue); text-decoration-style: solid; }
        u.cue.c-against { text-decoration-color: \(ReportPalette.stance("against").hue); text-decoration-style: wavy; text-decoration-thickness: 1.5px; }
        u.cue.c-none { text-decoration-color: #555555; text-decoration-style: dashed; }
        u.cue.c-word { text-decoration-color: #555555; text-decoration-style: dotted; }
        .badge { font-size: .68rem; font-weight: 600; padding: .05em .4em; border-radius: .6em; border: 1px solid #888888; background: #FFFFFF; vertical-align: .15em; white-space: nowrap; }
        .badge.l-favor { border-color: \(ReportPalette.stance("favor").hue); color: #004A75; }
        .badge.l-against { border-color: \(ReportPalette.stance("against").hue); color: #8F3F00; }
        .badge.corrected { border-style: dashed; }
        .badge.holder { background: #F2F2F2; }
        p.removed { margin: 0 0 .7em; color: #6B6B6B; font-size: .88rem; line-height: 1.5; }
        p.removed del { text-decoration-thickness: 1px; }
        .ln { display: inline-block; min-width: 5em; margin-right: .5em; font-size: .75rem; color: #6B6B6B; }
        .reason { font-size: .75rem; margin-left: .5em; padding: 0 .35em; border-radius: .3em; background: #EEEEEE; color: #333333; }
        body:has(#hide-removed:checked) p.removed { display: none; }
        .toggle { font: .85rem system-ui, "DejaVu Sans", sans-serif; }
        table { border-collapse: collapse; font-size: .85rem; width: 100%; margin: .4rem 0 1rem; }
        th, td { padding: .3rem .5rem; border-bottom: 1px solid #E3E3E3; text-align: left; vertical-align: top; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        th { background: #F4F4F4; font-weight: 600; }
        th button { font: inherit; border: 0; background: none; padding: 0; cursor: pointer; color: inherit; }
        th[aria-sort="ascending"] button::after { content: " ▲"; }
        th[aria-sort="descending"] button::after { content: " ▼"; }
        figure { margin: 1rem 0; }
        figure svg { max-width: 100%; height: auto; font-family: system-ui, "DejaVu Sans", sans-serif; }
        figcaption { font-size: .85rem; color: #444444; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(33rem, 1fr)); gap: 0 2rem; align-items: start; }
        h3 { font: 600 1rem/1.3 system-ui, "DejaVu Sans", sans-serif; margin: 1.4rem 0 .4rem; }
        td.text { font-family: "Source Serif 4", "Noto Serif", Georgia, "DejaVu Serif", serif; font-size: .95rem; line-height: 1.7; }
        table.matrix, table#counts { width: auto; min-width: 18rem; }
        del.rule { text-decoration-color: #D55E00; text-decoration-thickness: 2px; }
        ins.rule { text-decoration: underline 2px #009E73; }
        ins.m-added, del.m-removed { text-decoration: none; padding: .05em .25em; border-radius: .3em; border: 1.5px solid; font-weight: 600; }
        ins.m-added { background: #CFEEE5; border-color: #009E73; }
        del.m-removed { background: #FBE2CF; border-color: #D55E00; text-decoration: line-through; text-decoration-color: #8F3F00; }
        ins.m-added .tag, del.m-removed .tag { font: 700 .6em/1 system-ui, "DejaVu Sans", sans-serif; margin-left: .3em; vertical-align: .12em; }
        .sentence-changes del { text-decoration-color: #D55E00; }
        .sentence-changes ins { text-decoration: none; background: #CFEEE5; }
        footer { font: .8rem system-ui, "DejaVu Sans", sans-serif; color: #6B6B6B; padding-top: 1rem; padding-bottom: 2rem; }
        @media print {
          body { font-size: 11pt; }
          nav, .toggle, .hover-note, #hide-removed, th button::after { display: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          p.para, p.removed, figure, tr { break-inside: avoid; }
          h2 { break-after: avoid; }
          a { color: inherit; text-decoration: none; }
          header, main, footer { max-width: none; }
        }

        """
        for swatch in ReportPalette.stance where swatch.name != "none" {
            rules += ".s.l-\(swatch.name) { background: \(swatch.tint); }\n"
            rules += ".swatch.l-\(swatch.name) { background: \(swatch.tint); border-color: \(swatch.hue); }\n"
            rules += ".swatch.bar-\(swatch.name) { background: \(swatch.hue); border-color: \(swatch.hue); }\n"
        }
        rules += ".swatch.l-none { background: #FFFFFF; }\n.swatch.bar-none { background: \(noneBar); }\n"
        for swatch in ReportPalette.entities {
            let name = HTML.classFragment(swatch.name)
            rules += "mark.ent.t-\(name), .swatch.t-\(name) { background: \(swatch.tint); border-color: \(swatch.hue); }\n"
        }
        return rules
    }()

    /// Sorts a `table.sortable` by the column whose header button is clicked: by each cell's
    /// `data-value` when it has one, numerically in `data-type="number"` columns.
    public static let script = """
    (function () {
      "use strict";
      var tables = document.querySelectorAll("table.sortable");
      Array.prototype.forEach.call(tables, function (table) {
        var heads = table.tHead.rows[0].cells;
        Array.prototype.forEach.call(heads, function (head, column) {
          var button = head.querySelector("button");
          if (!button) { return; }
          button.addEventListener("click", function () {
            var ascending = head.getAttribute("aria-sort") !== "ascending";
            Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
            head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
            var numeric = head.getAttribute("data-type") === "number";
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            function key(row) {
              var cell = row.cells[column];
              var value = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent;
              return numeric ? Number(value) : value.toLowerCase();
            }
            rows.sort(function (a, b) {
              var x = key(a), y = key(b);
              var order = x < y ? -1 : x > y ? 1 : 0;
              return ascending ? order : -order;
            });
            rows.forEach(function (row) { body.appendChild(row); });
          });
        });
      });
    }());
    """

    /// `'sha256-…'`, the content security policy source that allows exactly `text` inline.
    static func hashSource(_ text: String) -> String {
        "'sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString() + "'"
    }

    /// The content security policy every page carries: only this style sheet and this script,
    /// allowed by their hashes, so even markup that slipped past escaping could run nothing.
    static let policy = "default-src 'none'; style-src \(hashSource(css)); script-src \(hashSource(script)); img-src data:; base-uri 'none'; form-action 'none'"

    /// The page's `<head>` and opening `<body>`.
    static func head(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="\(policy)">
        <title>\(HTML.escape(title))</title>
        <style>\(css)</style>
        </head>
        <body>

        """
    }

    /// The script element and the end of the page.
    static let tail = "<script>\(script)</script>\n</body>\n</html>\n"
}
