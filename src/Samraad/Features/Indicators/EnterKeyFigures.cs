using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Indicators;

/// <summary>
/// Saves one reporter's figures for one period: every field validated (Danish numbers, whole numbers where the field
/// counts, a missing code only where the field allows one), then all of them at once or none. A blank field means
/// "not reported" and removes an earlier figure.
/// </summary>
public sealed class EnterKeyFigures(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<int>> Handle(KeyFigureContext ctx, UserContext user, int organisationId, string? period,
        IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string?> missing, CancellationToken ct = default)
    {
        if (!ctx.CanEdit(user, organisationId)) return Outcome<int>.Fail(Problem.Forbidden, "Du kan kun indberette tal for din egen organisation.");
        var def = ctx.Set.Definition();
        var errors = new List<FieldError>();
        var periodKey = period?.Trim() ?? "";
        if (Periods.Parse(ctx.Set.PeriodKind, periodKey) is null)
            errors.Add(new FieldError("periode", $"Skriv perioden som {Periods.Example(ctx.Set.PeriodKind)}"));
        else if (!ctx.Set.Periods().Contains(periodKey))
            errors.Add(new FieldError("periode", $"Perioden {Periods.Label(ctx.Set.PeriodKind, periodKey)} ligger uden for sættets perioder ({Periods.Label(ctx.Set.PeriodKind, ctx.Set.FirstPeriod)}–{Periods.Label(ctx.Set.PeriodKind, ctx.Set.LastPeriod)})"));
        var codes = def.MissingCodes.ToDictionary(m => m.Key, m => m.Label);
        var parsed = new List<(string Key, decimal? Value, string? Code)>();
        foreach (var f in def.Fields)
        {
            var raw = values.GetValueOrDefault(f.Key)?.Trim() ?? "";
            var code = missing.GetValueOrDefault(f.Key)?.Trim() ?? "";
            if (code != "")
            {
                if (!f.Missing || !codes.ContainsKey(code)) errors.Add(new FieldError(f.Key, $"{f.Label}: vælg en af de mulige markeringer"));
                else if (raw != "") errors.Add(new FieldError(f.Key, $"{f.Label}: skriv enten et tal eller vælg »{codes[code]}«, ikke begge"));
                else parsed.Add((f.Key, null, code));
                continue;
            }
            if (raw == "") continue;
            var number = DanishNumber.Parse(raw, out var malformed);
            if (number is null) errors.Add(new FieldError(f.Key, malformed is null ? $"{f.Label} skal være et tal, fx {(f.Decimals ? "73,6" : "120")}" : $"{f.Label}: {malformed}"));
            else if (number < 0) errors.Add(new FieldError(f.Key, $"{f.Label} kan ikke være negativ"));
            else if (!f.Decimals && number != decimal.Truncate(number.Value)) errors.Add(new FieldError(f.Key, $"{f.Label} skal være et helt tal"));
            else parsed.Add((f.Key, number, null));
        }
        if (errors.Count > 0) return Outcome<int>.Fail(Problem.Invalid, "Tallene er ikke gemt. Ret fejlene og gem igen.", errors);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.KeyFigureValues.Where(v => v.SetId == ctx.Set.Id && v.OrganisationId == organisationId && v.Period == periodKey).ExecuteDeleteAsync(ct);
        db.KeyFigureValues.AddRange(parsed.Select(p => new KeyFigureValue
        {
            SetId = ctx.Set.Id, OrganisationId = organisationId, Period = periodKey, Key = p.Key, Value = p.Value, MissingCode = p.Code,
            EnteredBy = $"{user.Name} ({user.UserName})", EnteredAtUtc = now,
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<int>.Success(parsed.Count);
    }
}
