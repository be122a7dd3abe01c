namespace Samraad.Features.Indicators;

/// <summary>Reads a what-if of the cost model from the query string: the pack's figures where nothing (or nonsense) is given.</summary>
public static class PlacePriceInput
{
    const decimal MaxFigure = 1_000_000_000_000m;

    public static (PlacePriceModel Model, List<FieldError> Errors, bool Changed) Read(PlacePriceSpec spec, IQueryCollection query)
    {
        var errors = new List<FieldError>();
        var original = spec.Model();
        decimal? Number(string key, string label, bool whole)
        {
            var raw = query[key].FirstOrDefault()?.Replace("kr.", "").Replace("%", "").Trim();
            if (string.IsNullOrEmpty(raw)) return null;
            var n = DanishNumber.Parse(raw);
            if (n is null || (whole && n != decimal.Truncate(n.Value))) { errors.Add(new FieldError(key, $"{label} skal være {(whole ? "et helt tal" : "et tal")}, fx {(whole ? "3.000.000" : "4")}")); return null; }
            // A model of kroner and places: anything past a thousand billion is a typing error, not a what-if.
            if (Math.Abs(n.Value) > MaxFigure) { errors.Add(new FieldError(key, $"{label} kan højst være {MaxFigure.ToString("N0", DanishTime.Culture)}")); return null; }
            return n;
        }
        var lines = spec.Lines.Select(l => l with { Amount = (long)(Number(l.Key, l.Label, true) ?? l.Amount) }).ToList();
        var model = original with
        {
            Lines = lines,
            Years = Whole(Number("years", "Antal år", true), "years", "Antal år") ?? original.Years,
            Places = Whole(Number("places", "Pladser", true), "places", "Pladser") ?? original.Places,
            SharedConstruction = (long)(Number("shared", "Anlægsudgifter på færre pladser", true) ?? original.SharedConstruction),
            AdministrationPct = Number("admin", "Tillægget til administration", false) ?? original.AdministrationPct,
        };
        int? Whole(decimal? n, string key, string label)
        {
            if (n is null) return null;
            if (n is >= 0 and <= 1_000_000) return (int)n.Value;
            errors.Add(new FieldError(key, $"{label} skal være mellem 0 og 1.000.000"));
            return null;
        }
        var problems = model.Problems();
        errors.AddRange(problems.Select(p => new FieldError(p.Field, p.Message)));
        if (errors.Count > 0) return (original, errors, false);
        var changed = model.Years != original.Years || model.Places != original.Places || model.SharedConstruction != original.SharedConstruction
            || model.AdministrationPct != original.AdministrationPct || !model.Lines.SequenceEqual(original.Lines);
        return (model, errors, changed);
    }
}
