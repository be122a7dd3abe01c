using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samraad.Features.Reference;

// How this feature's entities are stored: one configuration per entity, applied by AppDbContext (ApplyConfigurationsFromAssembly).

sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.HasIndex(o => o.Slug).IsUnique();
        e.HasIndex(o => o.MunicipalityCode).IsUnique();
        e.Property(o => o.Slug).HasMaxLength(80);
        e.Property(o => o.Name).HasMaxLength(200);
        e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        e.HasOne(o => o.Kkr).WithMany().HasForeignKey(o => o.KkrId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(o => o.DisplayName);
    }
}

sealed class GroupSetConfiguration : IEntityTypeConfiguration<GroupSet>
{
    public void Configure(EntityTypeBuilder<GroupSet> e)
    {
        e.HasIndex(g => g.Key).IsUnique();
    }
}

sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> e)
    {
        e.HasIndex(g => new { g.GroupSetId, g.Name }).IsUnique();
    }
}

sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> e)
    {
        e.HasKey(m => new { m.GroupId, m.OrganisationId });
    }
}

sealed class ReferenceFigureConfiguration : IEntityTypeConfiguration<ReferenceFigure>
{
    public void Configure(EntityTypeBuilder<ReferenceFigure> e)
    {
        e.HasIndex(x => new { x.Key, x.Year, x.OrganisationId }).IsUnique();
        e.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
