using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Samraad.Documents;

/// <summary>
/// Minimal XLSX writer on the Open XML SDK. Text is written as inline strings, never as formulas, so an answer
/// starting with "=" stays text. Plain numbers become number cells. The first row is bold and frozen.
/// </summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(IEnumerable<(string Name, List<IReadOnlyList<string?>> Rows)> sheets)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            AddStyles(workbook);
            var sheetList = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                uint r = 1;
                foreach (var row in rows)
                {
                    var xrow = new Row { RowIndex = r };
                    var column = 0;
                    foreach (var cell in row)
                    {
                        var c = Cell(cell, bold: r == 1);
                        c.CellReference = $"{ColumnName(column++)}{r}";
                        xrow.Append(c);
                    }
                    data.Append(xrow);
                    r++;
                }
                var frozen = new SheetViews(new SheetView(new Pane
                {
                    VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
                }) { WorkbookViewId = 0 });
                part.Worksheet = new Worksheet(frozen, data);
                sheetList.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);

    static Cell Cell(string? value, bool bold)
    {
        var cell = new Cell { StyleIndex = bold ? 1u : 0u };
        if (value is null) return cell;
        if (!bold && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
            && !(value.Length > 1 && value[0] == '0' && value[1] != '.'))
        {
            cell.DataType = CellValues.Number;
            cell.CellValue = new CellValue(value);
        }
        else
        {
            cell.DataType = CellValues.InlineString;
            cell.InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve });
        }
        return cell;
    }

    static void AddStyles(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
        styles.Stylesheet.Save();
    }
}
