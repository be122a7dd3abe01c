using Samraad.Documents;
using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections.Authoring;

/// <summary>A form spreadsheet (XLSForm) uploaded to a page or the API: read whole, or refused with every problem as an error by the file field.</summary>
public static class FormSheets
{
    public const string ErrorKey = "sheet";

    public sealed record Read(FormSpec? Form, IReadOnlyList<FieldError> Errors, IReadOnlyList<string> Notes, string FileName);

    /// <summary>The sheet under the collection's key; null when no file was chosen (the caller decides whether one is needed).</summary>
    public static async Task<Read?> From(IFormFile? file, string key, CancellationToken ct = default)
    {
        if (file is null || file.Length == 0) return null;
        // The route's request limit bounds the bytes; Tabular refuses a sheet over its own limit with the message.
        return From(await file.Bytes(ct), key, Path.GetFileName(file.FileName));
    }

    public static Read From(byte[] content, string key, string fileName)
    {
        var read = XlsFormReader.Read(content, key);
        return new Read(read.Form, read.Problems.Select(p => new FieldError(ErrorKey, p.TrimEnd('.'))).ToList(), read.Notes, fileName);
    }

    public static IResult Download(FormSpec form, string slug) => Results.File(XlsFormWriter.Write(form), Xlsx.ContentType, $"{slug}-skema.xlsx");

    public static IResult Template() => Results.File(XlsFormTemplate.Write(), Xlsx.ContentType, "samraad-skabelon.xlsx");

    /// <summary>The whole form replaced by another (read from a sheet), keeping the collection's key and version number.</summary>
    public static List<FieldError> Replace(FormSpec form, FormSpec with)
    {
        (form.Title, form.Description, form.Scales, form.Categories, form.MissingCodes, form.Sections, form.TextLimits, form.PartOf) =
            (with.Title, with.Description, with.Scales, with.Categories, with.MissingCodes, with.Sections, with.TextLimits, with.PartOf);
        return [];
    }
}
