using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samraad.Features.Surveys;

// How this feature's entities are stored: one configuration per entity, applied by AppDbContext (ApplyConfigurationsFromAssembly).

sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> e)
    {
        e.HasIndex(x => x.Slug).IsUnique();
        e.Property(x => x.Slug).HasMaxLength(100);
        e.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class SurveyImportConfiguration : IEntityTypeConfiguration<SurveyImport>
{
    public void Configure(EntityTypeBuilder<SurveyImport> e)
    {
        e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class SurveyRespondentConfiguration : IEntityTypeConfiguration<SurveyRespondent>
{
    public void Configure(EntityTypeBuilder<SurveyRespondent> e)
    {
        e.HasIndex(x => new { x.SurveyId, x.No }).IsUnique();
        e.Property(x => x.Key).HasMaxLength(100);
        e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

// A pivot by a dimension × answer reads only its covering index: one per dimension.
sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> e)
    {
        e.HasIndex(x => new { x.SurveyId, x.Question, x.D1, x.Answer }).HasDatabaseName("IX_SurveyAnswers_D1");
        e.HasIndex(x => new { x.SurveyId, x.Question, x.D2, x.Answer }).HasDatabaseName("IX_SurveyAnswers_D2");
        e.HasIndex(x => new { x.SurveyId, x.Question, x.D3, x.Answer }).HasDatabaseName("IX_SurveyAnswers_D3");
        e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}
