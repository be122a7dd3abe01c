using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections;

/// <summary>An audit line with the field's label and the values as a person reads them.</summary>
public sealed record AuditLine(AuditEntry Entry, string? Organisation, string? FieldLabel, string? OldText, string? NewText);

/// <summary>The audit log of a collection, optionally for one respondent organisation, newest first.</summary>
public static class ReadAuditLog
{
    /// <summary>The page's lines of the log in pages of <paramref name="pageSize"/>, and how many there are in all.</summary>
    public static async Task<(List<AuditLine> Lines, Paging Paging)> Page(AppDbContext db, CollectionContext ctx, int? organisationId, string? side, int pageSize = 100, CancellationToken ct = default)
    {
        var paging = Paging.From(side, pageSize, await Query(db, ctx, organisationId).CountAsync(ct));
        return (await Handle(db, ctx, organisationId, paging.PageSize, paging.Skip, ct), paging);
    }

    public static async Task<List<AuditLine>> Handle(AppDbContext db, CollectionContext ctx, int? organisationId, int max = 1000, int skip = 0, CancellationToken ct = default)
    {
        var entries = await Query(db, ctx, organisationId).OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Skip(skip).Take(max).ToListAsync(ct);
        var names = ctx.Memberships.ToDictionary(m => m.OrganisationId, m => m.Organisation!.DisplayName);
        return entries.Select(e =>
        {
            if (e.IsDefinitionChange)
                return new AuditLine(e, e.OrganisationId is int d ? names.GetValueOrDefault(d) : null, e.WhatLabel, e.OldValue, e.NewValue);
            var leaf = e.FieldKey is null ? null : ctx.Form.FindLeaf(e.FieldKey);
            return new AuditLine(e, e.OrganisationId is int o ? names.GetValueOrDefault(o) : null,
                leaf?.Label ?? e.FieldKey, Text(ctx.Form, leaf, e.OldValue), Text(ctx.Form, leaf, e.NewValue));
        }).ToList();
    }

    static IQueryable<AuditEntry> Query(AppDbContext db, CollectionContext ctx, int? organisationId)
    {
        var query = db.AuditEntries.Where(a => a.CollectionId == ctx.Collection.Id);
        if (organisationId is int org) query = query.Where(a => a.OrganisationId == org);
        if (ctx.Collection.IsPeriodic) query = query.Where(a => a.Response == null || a.Response.Period == ctx.Period);
        return query;
    }

    static string? Text(FormSpec form, Leaf? leaf, string? stored) => stored switch
    {
        null => null,
        ['[', .. var code, ']'] => form.MissingCodeLabel(code),
        _ when leaf is not null => FieldValues.Display(leaf.Spec, stored),
        _ => stored,
    };
}
