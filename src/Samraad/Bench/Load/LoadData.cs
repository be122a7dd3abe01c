using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samraad.Auth;
using Samraad.Data;
using Samraad.Features.Collections;
using Samraad.Features.Reference;

namespace Samraad.Bench.Load;

/// <summary>A simulated user: who signs in, and for a respondent which response it saves.</summary>
public sealed record LoadUser(string UserName, string? Collection, string? Organisation);

/// <summary>What a load run works on: respondents, the secretariat's readers, the packet's publisher and the password they share.</summary>
public sealed record LoadPlan(string Password, IReadOnlyList<LoadUser> Respondents, IReadOnlyList<LoadUser> Secretariats, LoadUser? Publisher, string? Meeting, IReadOnlyList<string> Collections);

/// <summary>
/// The data of a deadline rush, added to the configured database before the nodes start: as many copies of the
/// all-field-types form, sent to all 98 municipalities with the deadline right after the run, as it takes for every
/// simulated respondent to have a response of its own (300 respondents → four collections; a colleague saving the
/// same response would be refused with 409 by design, which is not what is measured). Users get a password made for
/// the run, hashed once. Also the baseline's table: one row per id, read and written by <see cref="BaselineEndpoint"/>.
/// </summary>
public sealed class LoadData(AppDbContext db, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher)
{
    public const string Field = "bemaerkning";

    public async Task<LoadPlan> Create(int respondents, int secretariats, DateTime deadlineUtc, CancellationToken ct)
    {
        var stamp = DateTime.UtcNow.ToString("yyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        var form = (await new NationalDataGenerator(db).EnsureAllTypes(ct)).FormVersionId;
        var kl = await db.Organisations.FirstAsync(o => o.Slug == "kl", ct);
        var municipalities = await db.Organisations.Where(o => o.Kind == OrganisationKind.Kommune).OrderBy(o => o.MunicipalityCode).ToListAsync(ct);
        var copies = (respondents + municipalities.Count - 1) / municipalities.Count;
        var slugs = new List<string>();
        for (var k = 1; k <= copies; k++)
        {
            var slug = $"frist-{stamp}-{k}";
            db.Collections.Add(new Collection
            {
                Slug = slug, Title = $"Fristdag {k}: klimatilpasning (belastningstest {stamp})", OwnerOrganisationId = kl.Id, FormVersionId = form,
                OpensAtUtc = DateTime.UtcNow.AddDays(-1), DeadlineUtc = deadlineUtc,
                Respondents = municipalities.Select(m => new CollectionRespondent { OrganisationId = m.Id }).ToList(),
            });
            slugs.Add(slug);
        }
        await db.SaveChangesAsync(ct);

        var hash = hasher.HashPassword(new AppUser(), password);
        var respondentUsers = Enumerable.Range(0, respondents)
            .Select(i => new LoadUser($"last{stamp}-{i + 1}", slugs[i / municipalities.Count], municipalities[i % municipalities.Count].Slug)).ToList();
        foreach (var (u, i) in respondentUsers.Select((u, i) => (u, i)))
            await Add(u.UserName, Roles.Respondent, municipalities[i % municipalities.Count].Id, hash, ct);
        var readers = Enumerable.Range(1, secretariats).Select(i => new LoadUser($"last{stamp}-sek-{i}", null, null)).ToList();
        foreach (var u in readers) await Add(u.UserName, Roles.Secretariat, kl.Id, hash, ct);

        // The packet: the seeded meeting of KKR Sjælland, published by its secretariat while the rush goes on.
        var meeting = await db.Meetings.OrderBy(m => m.Id).Select(m => new { m.Slug, m.Body!.OrganisationId }).FirstOrDefaultAsync(ct);
        LoadUser? publisher = null;
        if (meeting is not null)
        {
            publisher = new LoadUser($"last{stamp}-pakke", null, null);
            await Add(publisher.UserName, Roles.Secretariat, meeting.OrganisationId, hash, ct);
        }

        await db.Database.ExecuteSqlRawAsync("""CREATE TABLE IF NOT EXISTS "BenchCounters" ("Id" INTEGER PRIMARY KEY, "Count" BIGINT NOT NULL)""", ct);
        if (await db.Database.SqlQueryRaw<int>("""SELECT COUNT(*) AS "Value" FROM "BenchCounters" """).FirstAsync(ct) == 0)
            await db.Database.ExecuteSqlAsync($"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {BaselineEndpoint.Rows})
                INSERT INTO "BenchCounters" ("Id", "Count") SELECT i, 0 FROM n
                """, ct);
        return new LoadPlan(password, respondentUsers, readers, publisher, meeting?.Slug, slugs);
    }

    async Task Add(string userName, string role, int organisation, string hash, CancellationToken ct)
    {
        var result = await users.CreateAsync(new AppUser
        {
            UserName = userName, FullName = $"Belastningstest {userName}", Role = role, OrganisationId = organisation,
            PasswordHash = hash, EmailConfirmed = true, WantsReminders = false, WantsNotices = false, CreatedAt = DateTime.UtcNow,
        });
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Description)));
        ct.ThrowIfCancellationRequested();
    }
}
