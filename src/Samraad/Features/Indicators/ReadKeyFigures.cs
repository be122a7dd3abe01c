using Samraad.Data;

namespace Samraad.Features.Indicators;

/// <summary>A set's fields, indicators (with the formula in words) and checks per reporter and period, for the reporters the user may see.</summary>
public sealed class ReadKeyFigures(AppDbContext db)
{
    public async Task<Outcome<KeyFigureReportDto>> Handle(string slug, string? groupSet, UserContext user, CancellationToken ct = default)
    {
        var found = await Guard.Read(KeyFigureContext.Load(db, slug), "Nøgletallene findes ikke.", k => k.Visible(user).Count > 0, "Du har ikke adgang til disse nøgletal.");
        if (found.Value is not { } ctx) return found.As<KeyFigureReportDto>();
        var visible = ctx.Visible(user);
        groupSet = string.IsNullOrEmpty(groupSet) ? null : groupSet;
        if (groupSet is not null && (await ctx.GroupSets(db, visible)).All(s => s.Key != groupSet))
            return Outcome<KeyFigureReportDto>.Fail(Problem.Invalid, "Ukendt opdeling", [new FieldError("groupSet", $"»{groupSet}« er ikke en opdeling af disse indberettere")]);
        var r = (await ctx.Report(db, visible, groupSet)).Report;
        return Outcome<KeyFigureReportDto>.Success(new(r.Set.Slug, r.Set.Title, r.Set.Source,
            r.Tables.SelectMany(t => t.Rows.Select(row => new IndicatorRowDto(t.Title, row.Kind.ToString(), row.Key, row.Label, row.Unit, row.Words,
                row.Cells.Select((c, i) => (c, i)).Where(x => !x.c.Empty)
                    .Select(x => new IndicatorValueDto(r.Columns[x.i].Organisation, r.Columns[x.i].Period, x.c.Value, x.c.Display, x.c.Missing, x.c.Printed, x.c.Differs)).ToList()))).ToList(),
            r.Discrepancies, r.PrintedChecked));
    }
}
