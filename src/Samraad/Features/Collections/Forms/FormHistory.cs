using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Collections.Forms;

/// <summary>
/// The older versions of a collection's form, newest first: where an answer to a field a newer version dropped finds
/// its label and type, so it keeps its column and its formatting ("75,5 %") in an export.
/// </summary>
public sealed record FormHistory(IReadOnlyList<(int Version, FormSpec Form)> Versions)
{
    /// <summary>The leaf a key names in the newest older version that has it.</summary>
    public (Leaf Leaf, int Version)? Find(string key)
    {
        foreach (var (version, form) in Versions)
            if (form.FindLeaf(key) is { } leaf) return (leaf, version);
        return null;
    }

    public static async Task<FormHistory> Load(AppDbContext db, FormVersion current, CancellationToken ct = default) =>
        new((await db.FormVersions.AsNoTracking().Where(f => f.FormKey == current.FormKey && f.Version < current.Version)
                .OrderByDescending(f => f.Version).ToListAsync(ct))
            .Select(v => (v.Version, FormSpecs.Get(v))).ToList());
}
