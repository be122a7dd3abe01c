using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Bench.Load;

/// <summary>
/// The load benchmark's ceiling: a minimal endpoint on the same stack (Kestrel, the middleware, EF Core's connection,
/// the same database) that does one indexed read and one write of a row and nothing else: no sign-in, no form, no
/// audit. Mapped only on nodes the benchmark starts (Samraad:Bench:Baseline), answers loopback only, and works on the
/// table <see cref="LoadData"/> creates.
/// </summary>
public static class BaselineEndpoint
{
    public const string Path = "/bench/basislinje";
    public const int Rows = 1000;

    public static void MapBenchBaseline(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Samraad:Bench:Baseline")) return;
        app.MapPost(Path + "/{id:int}", Handle).ExcludeFromDescription();
    }

    static async Task<IResult> Handle(int id, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        if (http.Connection.RemoteIpAddress is not { } from || !System.Net.IPAddress.IsLoopback(from)) return Results.NotFound();
        var count = await db.Database.SqlQuery<long>($"""SELECT "Count" AS "Value" FROM "BenchCounters" WHERE "Id" = {id}""").FirstOrDefaultAsync(ct);
        await db.Database.ExecuteSqlAsync($"""UPDATE "BenchCounters" SET "Count" = {count + 1} WHERE "Id" = {id}""", ct);
        return Results.Ok(new { id, count = count + 1 });
    }
}
