using Samraad.Data;
using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Contracts;

/// <summary>Enters a figure by hand with its source and date (awareness survey, turnover, operating grant).</summary>
public sealed class EnterFigure(AppDbContext db, TimeProvider clock)
{
    public static readonly (string Key, string Label, string Unit)[] Keys =
    [
        ("kendskabsgrad", "Kendskabsgrad (mål 1)", "%"),
        ("kendskab-groen", "Kendskab til grønne ydelser (mål 5)", "%"),
        ("omsaetning", "Samlet omsætning (mål 14)", "kr."),
        ("driftsmidler", "Driftsmidler (mål 14)", "kr."),
    ];

    public async Task<Outcome<EnteredFigure>> Handle(ContractContext ctx, UserContext user, string? key, string? value, string? year, string? date, string? source, CancellationToken ct = default)
    {
        if (!ctx.CanSee(user)) return Outcome<EnteredFigure>.Fail(Problem.Forbidden, "Kun kontraktens parter kan indtaste tal.");
        var errors = new List<FieldError>();
        var spec = Keys.FirstOrDefault(k => k.Key == key);
        if (spec.Key is null) errors.Add(new FieldError("key", "Vælg hvilket tal der indtastes"));
        var number = DanishNumber.Parse(value?.Replace("%", "").Replace("kr.", ""), out var malformed);
        if (number is null) errors.Add(new FieldError("value", malformed is null ? "Skriv tallet, fx 63 eller 12.500.000 (komma som decimaltegn)" : $"Tallet {malformed}"));
        else if (number < 0 || (spec.Unit == "%" && number > 100)) errors.Add(new FieldError("value", spec.Unit == "%" ? "En procentsats skal ligge mellem 0 og 100" : "Tallet kan ikke være negativt"));
        if (!int.TryParse(year, out var y) || y < 2000 || y > 2100) errors.Add(new FieldError("year", "Skriv det år, tallet gælder, fx 2024"));
        var d = FieldValues.Parse(new ValueSpec { Type = FieldType.Date }, "Dato", date);
        if (d.Canonical is null) errors.Add(new FieldError("date", "Skriv datoen for opgørelsen, fx 30-09-2023"));
        if (string.IsNullOrWhiteSpace(source)) errors.Add(new FieldError("source", "Skriv kilden, fx »Erhvervsstyrelsens kendskabsmåling, september 2023«"));
        if (errors.Count > 0) return Outcome<EnteredFigure>.Fail(Problem.Invalid, "Tallet er ikke gemt.", errors);
        var figure = new EnteredFigure
        {
            ContractId = ctx.Contract.Id, Key = spec.Key!, Value = number!.Value, Year = y, Date = DateOnly.Parse(d.Canonical!), Source = source!.Trim(),
            EnteredAtUtc = clock.GetUtcNow().UtcDateTime, EnteredBy = $"{user.Name} ({user.UserName})",
        };
        db.EnteredFigures.Add(figure);
        await db.SaveChangesAsync(ct);
        return Outcome<EnteredFigure>.Success(figure);
    }
}
