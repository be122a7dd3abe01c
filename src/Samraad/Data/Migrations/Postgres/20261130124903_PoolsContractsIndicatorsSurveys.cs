using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Samraad.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PoolsContractsIndicatorsSurveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FirstPeriod",
                table: "Collections",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastPeriod",
                table: "Collections",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PeriodKind",
                table: "Collections",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Contracts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    OwnerOrganisationId = table.Column<int>(type: "integer", nullable: false),
                    HubOrganisationId = table.Column<int>(type: "integer", nullable: false),
                    FrameworkText = table.Column<string>(type: "text", nullable: false),
                    Reporting = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: true),
                    DemoNote = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contracts_Organisations_HubOrganisationId",
                        column: x => x.HubOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Contracts_Organisations_OwnerOrganisationId",
                        column: x => x.OwnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KeyFigureSets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true),
                    OwnerOrganisationId = table.Column<int>(type: "integer", nullable: false),
                    PeriodKind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    FirstPeriod = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    LastPeriod = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DefinitionJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyFigureSets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyFigureSets_Organisations_OwnerOrganisationId",
                        column: x => x.OwnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Pools",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Purpose = table.Column<string>(type: "text", nullable: false),
                    OwnerOrganisationId = table.Column<int>(type: "integer", nullable: false),
                    CollectionId = table.Column<int>(type: "integer", nullable: false),
                    DecisionBy = table.Column<DateOnly>(type: "date", nullable: false),
                    SpecJson = table.Column<string>(type: "text", nullable: false),
                    DecisionsIssuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionsIssuedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pools", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Pools_Collections_CollectionId",
                        column: x => x.CollectionId,
                        principalTable: "Collections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Pools_Organisations_OwnerOrganisationId",
                        column: x => x.OwnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceFigures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "text", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferenceFigures_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Surveys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    OwnerOrganisationId = table.Column<int>(type: "integer", nullable: false),
                    DefinitionJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_Organisations_OwnerOrganisationId",
                        column: x => x.OwnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContractImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContractId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    FileName = table.Column<string>(type: "text", nullable: false),
                    EncodingNote = table.Column<string>(type: "text", nullable: true),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    SkippedEmptyRows = table.Column<int>(type: "integer", nullable: false),
                    FileId = table.Column<int>(type: "integer", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "text", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UndoneAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UndoneBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractImports_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContractImports_Files_FileId",
                        column: x => x.FileId,
                        principalTable: "Files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EnteredFigures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContractId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<decimal>(type: "numeric", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    EnteredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EnteredBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnteredFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnteredFigures_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Goals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContractId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Scope = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Target = table.Column<string>(type: "text", nullable: false),
                    Method = table.Column<string>(type: "text", nullable: false),
                    Reporting = table.Column<string>(type: "text", nullable: false),
                    Cadence = table.Column<string>(type: "text", nullable: false),
                    IsQualitative = table.Column<bool>(type: "boolean", nullable: false),
                    MeasuresJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Goals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Goals_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QualitativeStatuses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContractId = table.Column<int>(type: "integer", nullable: false),
                    GoalNumber = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Evidence = table.Column<string>(type: "text", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualitativeStatuses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualitativeStatuses_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KeyFigureReporters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SetId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyFigureReporters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyFigureReporters_KeyFigureSets_SetId",
                        column: x => x.SetId,
                        principalTable: "KeyFigureSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_KeyFigureReporters_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KeyFigureValues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SetId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Value = table.Column<decimal>(type: "numeric", nullable: true),
                    MissingCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    EnteredBy = table.Column<string>(type: "text", nullable: false),
                    EnteredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyFigureValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyFigureValues_KeyFigureSets_SetId",
                        column: x => x.SetId,
                        principalTable: "KeyFigureSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_KeyFigureValues_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PoolBudgets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PoolId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AmountOre = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoolBudgets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PoolBudgets_Pools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "Pools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PoolDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PoolId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Granted2025Ore = table.Column<long>(type: "bigint", nullable: false),
                    Granted2026Ore = table.Column<long>(type: "bigint", nullable: false),
                    Reasons = table.Column<string>(type: "text", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "text", nullable: false),
                    LetterFileId = table.Column<int>(type: "integer", nullable: false),
                    LetterHtml = table.Column<string>(type: "text", nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IssuedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoolDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PoolDecisions_Files_LetterFileId",
                        column: x => x.LetterFileId,
                        principalTable: "Files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PoolDecisions_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PoolDecisions_Pools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "Pools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PoolDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PoolId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    FileId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoolDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PoolDocuments_Files_FileId",
                        column: x => x.FileId,
                        principalTable: "Files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PoolDocuments_Pools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "Pools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PoolId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    ProjectIndex = table.Column<int>(type: "integer", nullable: false),
                    PricingScore = table.Column<int>(type: "integer", nullable: false),
                    ExceptionApproved = table.Column<bool>(type: "boolean", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectAssessments_Pools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "Pools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    RespondentNo = table.Column<int>(type: "integer", nullable: false),
                    Question = table.Column<short>(type: "smallint", nullable: false),
                    Answer = table.Column<short>(type: "smallint", nullable: true),
                    D1 = table.Column<string>(type: "text", nullable: true),
                    D2 = table.Column<string>(type: "text", nullable: true),
                    D3 = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "text", nullable: false),
                    Sha256 = table.Column<string>(type: "text", nullable: false),
                    Respondents = table.Column<int>(type: "integer", nullable: false),
                    ImportedBy = table.Column<string>(type: "text", nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyImports_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyRespondents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    No = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    D1 = table.Column<string>(type: "text", nullable: true),
                    D2 = table.Column<string>(type: "text", nullable: true),
                    D3 = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyRespondents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyRespondents_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Evaluations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContractId = table.Column<int>(type: "integer", nullable: false),
                    ImportId = table.Column<int>(type: "integer", nullable: false),
                    Cvr = table.Column<int>(type: "integer", nullable: false),
                    Segment = table.Column<int>(type: "integer", nullable: false),
                    Satisfaction = table.Column<string>(type: "text", nullable: true),
                    Recommend = table.Column<int>(type: "integer", nullable: true),
                    Effect = table.Column<string>(type: "text", nullable: true),
                    DigitalGuidance = table.Column<bool>(type: "boolean", nullable: false),
                    ReferralUse = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evaluations_ContractImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "ContractImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Evaluations_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Registrations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContractId = table.Column<int>(type: "integer", nullable: false),
                    ImportId = table.Column<int>(type: "integer", nullable: false),
                    CaseId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Cvr = table.Column<int>(type: "integer", nullable: false),
                    MunicipalityCode = table.Column<int>(type: "integer", nullable: false),
                    HqRegionCode = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Themes = table.Column<string>(type: "text", nullable: false),
                    IsEsg = table.Column<bool>(type: "boolean", nullable: false),
                    IsAiCheck = table.Column<bool>(type: "boolean", nullable: false),
                    IsDigital = table.Column<bool>(type: "boolean", nullable: false),
                    ReferredExternal = table.Column<bool>(type: "boolean", nullable: false),
                    GuidedPreviousYear = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Registrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Registrations_ContractImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "ContractImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Registrations_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContractImports_ContractId_Kind_State",
                table: "ContractImports",
                columns: new[] { "ContractId", "Kind", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ContractImports_FileId",
                table: "ContractImports",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_HubOrganisationId",
                table: "Contracts",
                column: "HubOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_OwnerOrganisationId",
                table: "Contracts",
                column: "OwnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_Slug",
                table: "Contracts",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnteredFigures_ContractId_Key_Year",
                table: "EnteredFigures",
                columns: new[] { "ContractId", "Key", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_ContractId_Segment",
                table: "Evaluations",
                columns: new[] { "ContractId", "Segment" });

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_ImportId",
                table: "Evaluations",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_ContractId_Number",
                table: "Goals",
                columns: new[] { "ContractId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KeyFigureReporters_OrganisationId",
                table: "KeyFigureReporters",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyFigureReporters_SetId_OrganisationId",
                table: "KeyFigureReporters",
                columns: new[] { "SetId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KeyFigureSets_OwnerOrganisationId",
                table: "KeyFigureSets",
                column: "OwnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyFigureSets_Slug",
                table: "KeyFigureSets",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KeyFigureValues_OrganisationId",
                table: "KeyFigureValues",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyFigureValues_SetId_OrganisationId_Period_Key",
                table: "KeyFigureValues",
                columns: new[] { "SetId", "OrganisationId", "Period", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KeyFigureValues_Summary",
                table: "KeyFigureValues",
                columns: new[] { "SetId", "Period", "Key", "Value", "MissingCode" });

            migrationBuilder.CreateIndex(
                name: "IX_PoolBudgets_PoolId_Year",
                table: "PoolBudgets",
                columns: new[] { "PoolId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PoolDecisions_LetterFileId",
                table: "PoolDecisions",
                column: "LetterFileId");

            migrationBuilder.CreateIndex(
                name: "IX_PoolDecisions_OrganisationId",
                table: "PoolDecisions",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PoolDecisions_PoolId_OrganisationId",
                table: "PoolDecisions",
                columns: new[] { "PoolId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PoolDocuments_FileId",
                table: "PoolDocuments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_PoolDocuments_PoolId_OrganisationId",
                table: "PoolDocuments",
                columns: new[] { "PoolId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Pools_CollectionId",
                table: "Pools",
                column: "CollectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Pools_OwnerOrganisationId",
                table: "Pools",
                column: "OwnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Pools_Slug",
                table: "Pools",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectAssessments_PoolId_OrganisationId_ProjectIndex",
                table: "ProjectAssessments",
                columns: new[] { "PoolId", "OrganisationId", "ProjectIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QualitativeStatuses_ContractId_GoalNumber",
                table: "QualitativeStatuses",
                columns: new[] { "ContractId", "GoalNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceFigures_Key_Year_OrganisationId",
                table: "ReferenceFigures",
                columns: new[] { "Key", "Year", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceFigures_OrganisationId",
                table: "ReferenceFigures",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_Companies",
                table: "Registrations",
                columns: new[] { "ContractId", "Year", "Cvr", "HqRegionCode", "GuidedPreviousYear" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_ContractId_CaseId",
                table: "Registrations",
                columns: new[] { "ContractId", "CaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_Counts",
                table: "Registrations",
                columns: new[] { "ContractId", "Year", "StartDate", "Type", "MunicipalityCode", "IsEsg", "IsAiCheck", "ReferredExternal" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_ImportId",
                table: "Registrations",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_D1",
                table: "SurveyAnswers",
                columns: new[] { "SurveyId", "Question", "D1", "Answer" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_D2",
                table: "SurveyAnswers",
                columns: new[] { "SurveyId", "Question", "D2", "Answer" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_D3",
                table: "SurveyAnswers",
                columns: new[] { "SurveyId", "Question", "D3", "Answer" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyImports_SurveyId",
                table: "SurveyImports",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyRespondents_SurveyId_No",
                table: "SurveyRespondents",
                columns: new[] { "SurveyId", "No" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_OwnerOrganisationId",
                table: "Surveys",
                column: "OwnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_Slug",
                table: "Surveys",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EnteredFigures");

            migrationBuilder.DropTable(
                name: "Evaluations");

            migrationBuilder.DropTable(
                name: "Goals");

            migrationBuilder.DropTable(
                name: "KeyFigureReporters");

            migrationBuilder.DropTable(
                name: "KeyFigureValues");

            migrationBuilder.DropTable(
                name: "PoolBudgets");

            migrationBuilder.DropTable(
                name: "PoolDecisions");

            migrationBuilder.DropTable(
                name: "PoolDocuments");

            migrationBuilder.DropTable(
                name: "ProjectAssessments");

            migrationBuilder.DropTable(
                name: "QualitativeStatuses");

            migrationBuilder.DropTable(
                name: "ReferenceFigures");

            migrationBuilder.DropTable(
                name: "Registrations");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");

            migrationBuilder.DropTable(
                name: "SurveyImports");

            migrationBuilder.DropTable(
                name: "SurveyRespondents");

            migrationBuilder.DropTable(
                name: "KeyFigureSets");

            migrationBuilder.DropTable(
                name: "Pools");

            migrationBuilder.DropTable(
                name: "ContractImports");

            migrationBuilder.DropTable(
                name: "Surveys");

            migrationBuilder.DropTable(
                name: "Contracts");

            migrationBuilder.DropColumn(
                name: "FirstPeriod",
                table: "Collections");

            migrationBuilder.DropColumn(
                name: "LastPeriod",
                table: "Collections");

            migrationBuilder.DropColumn(
                name: "PeriodKind",
                table: "Collections");
        }
    }
}
