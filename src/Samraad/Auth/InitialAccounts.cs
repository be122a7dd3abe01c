using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Reference;

namespace Samraad.Auth;

/// <summary>
/// The first accounts of a new installation: an admin, a secretariat account per KKR, a reader, and one respondent
/// account per municipality — each with a random password written once to a file only the current user can read.
/// </summary>
public sealed class InitialAccounts(AppDbContext db, UserManager<AppUser> users, ILogger<InitialAccounts> log)
{
    public const string FileName = "initial-passwords.txt";

    /// <summary>Creates the accounts if there are none; returns the password file's path, or null if nothing was done.</summary>
    public async Task<string?> Handle(string dataDir, CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct)) return null;
        var path = Path.Combine(Path.GetFullPath(dataDir), FileName);
        if (File.Exists(path))
            throw new InvalidOperationException($"{path} findes allerede, men databasen har ingen brugere. Slet filen bevidst, før nye konti oprettes.");

        var orgs = await db.Organisations.OrderBy(o => o.MunicipalityCode).ThenBy(o => o.Name).ToListAsync(ct);
        var accounts = new List<(string User, string Name, string Role, Organisation? Org)>
        {
            ("admin", "Administrator", Roles.Admin, null),
            // A reader is a member of one body: KKR Sjælland's council, whose meetings and collections the seed holds.
            ("laeser", "Rådsmedlem, KKR Sjælland", Roles.Reader, orgs.FirstOrDefault(o => o.Slug == "kkr-sjaelland")),
        };
        accounts.AddRange(orgs.Where(o => o.Kind == OrganisationKind.Kkr)
            .Select(o => ($"sekretariat-{o.Slug[4..]}", $"Sekretariatet for {o.Name}", Roles.Secretariat, (Organisation?)o)));
        accounts.AddRange(orgs.Where(o => o.Kind == OrganisationKind.Myndighed)
            .Select(o => ($"sagsbehandler-{o.Slug}", $"Sagsbehandler, {o.Name}", Roles.Secretariat, (Organisation?)o)));
        accounts.AddRange(orgs.Where(o => o.Kind == OrganisationKind.Kommune)
            .Select(o => (o.Slug, o.DisplayName, Roles.Respondent, (Organisation?)o)));
        // Partners answer collections and report on contracts (Erhvervshus Sjælland imports its CRM export).
        accounts.AddRange(orgs.Where(o => o.Kind == OrganisationKind.Partner)
            .Select(o => (o.Slug, o.Name, Roles.Respondent, (Organisation?)o)));

        var lines = new StringBuilder();
        lines.AppendLine("# Samraad: første adgangskoder. Skift dem, og slet filen, når de er givet videre.");
        lines.AppendLine("# brugernavn\tadgangskode\trolle\torganisation");
        foreach (var (userName, name, role, org) in accounts)
        {
            var password = NewPassword();
            var result = await users.CreateAsync(new AppUser
            {
                UserName = userName, FullName = name, Role = role, OrganisationId = org?.Id, LockoutEnabled = true,
            }, password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Kunne ikke oprette {userName}: {string.Join(", ", result.Errors.Select(e => e.Description))}");
            lines.AppendLine($"{userName}\t{password}\t{Roles.Label(role)}\t{org?.DisplayName}");
        }
        WritePrivateFile(path, lines.ToString());
        log.LogWarning("Første konti oprettet; adgangskoderne står i {Path} (kun læsbar for den bruger, der kører Samraad)", path);
        return path;
    }

    /// <summary>20 characters from an alphabet without look-alikes, with every character class present.</summary>
    public static string NewPassword()
    {
        const string lower = "abcdefghijkmnopqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "-_.!?";
        const string all = lower + upper + digits + symbols;
        var chars = new char[20];
        chars[0] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[1] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    /// <summary>Creates the file with mode 0600 before any secret is written to it.</summary>
    static void WritePrivateFile(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write(content);
    }
}
