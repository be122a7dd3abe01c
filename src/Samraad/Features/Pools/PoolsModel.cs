using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samraad.Features.Pools;

// How this feature's entities are stored: one configuration per entity, applied by AppDbContext (ApplyConfigurationsFromAssembly).

sealed class PoolConfiguration : IEntityTypeConfiguration<Pool>
{
    public void Configure(EntityTypeBuilder<Pool> e)
    {
        e.HasIndex(x => x.Slug).IsUnique();
        e.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Collection).WithMany().HasForeignKey(x => x.CollectionId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Budgets).WithOne().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(x => x.BudgetThousands);
    }
}

sealed class PoolBudgetConfiguration : IEntityTypeConfiguration<PoolBudget>
{
    public void Configure(EntityTypeBuilder<PoolBudget> e)
    {
        e.HasIndex(x => new { x.PoolId, x.Year }).IsUnique();
    }
}

sealed class ProjectAssessmentConfiguration : IEntityTypeConfiguration<ProjectAssessment>
{
    public void Configure(EntityTypeBuilder<ProjectAssessment> e)
    {
        e.HasIndex(x => new { x.PoolId, x.OrganisationId, x.ProjectIndex }).IsUnique();
        e.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class PoolDecisionConfiguration : IEntityTypeConfiguration<PoolDecision>
{
    public void Configure(EntityTypeBuilder<PoolDecision> e)
    {
        e.HasIndex(x => new { x.PoolId, x.OrganisationId }).IsUnique();
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        e.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.LetterFile).WithMany().HasForeignKey(x => x.LetterFileId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class PoolDocumentConfiguration : IEntityTypeConfiguration<PoolDocument>
{
    public void Configure(EntityTypeBuilder<PoolDocument> e)
    {
        e.HasIndex(x => new { x.PoolId, x.OrganisationId });
        e.HasOne<Pool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.File).WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}
