using Samraad.Data;
using Samraad.Features.Notifications;

namespace Samraad.Features.Collections.Notices;

/// <summary>The days before the deadline on which reminders go out ("7, 1"; empty for none); logged with old and new.</summary>
public sealed class ChangeReminderDays(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<Collection>> Handle(CollectionContext ctx, UserContext user, string? days, CancellationToken ct = default)
    {
        if (!ctx.CanAdminister(user)) return Outcome<Collection>.Fail(Problem.Forbidden, "Kun sekretariatet kan ændre påmindelserne.");
        var (parsed, error) = ReminderSchedule.Parse(days);
        if (parsed is null) return Outcome<Collection>.Fail(Problem.Invalid, "Påmindelserne er ikke ændret.", [new FieldError("reminderDays", error!)]);
        var c = ctx.Collection;
        var stored = string.Join(",", parsed);
        if (stored != c.ReminderDays)
        {
            db.AuditEntries.Add(AuditEntry.OfDefinition(c, user, clock.GetUtcNow().UtcDateTime, AuditAction.DefinitionChanged, "påmindelser",
                c.ReminderDays == "" ? "ingen" : ReminderSchedule.Format(ReminderSchedule.Days(c.ReminderDays)), parsed.Count == 0 ? "ingen" : ReminderSchedule.Format(parsed)));
            c.ReminderDays = stored;
            await db.SaveChangesAsync(ct);
        }
        return Outcome<Collection>.Success(c);
    }
}
