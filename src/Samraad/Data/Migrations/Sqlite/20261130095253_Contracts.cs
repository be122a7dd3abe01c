using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samraad.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Contracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Contracts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerOrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    HubOrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FrameworkText = table.Column<string>(type: "TEXT", nullable: false),
                    Reporting = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: true),
                    DemoNote = table.Column<string>(type: "TEXT", nullable: true)
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
                name: "ReferenceFigures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false)
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
                name: "ContractImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", nullable: false),
                    EncodingNote = table.Column<string>(type: "TEXT", nullable: true),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    SkippedEmptyRows = table.Column<int>(type: "INTEGER", nullable: false),
                    FileId = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UndoneAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UndoneBy = table.Column<string>(type: "TEXT", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EnteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Target = table.Column<string>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", nullable: false),
                    Reporting = table.Column<string>(type: "TEXT", nullable: false),
                    Cadence = table.Column<string>(type: "TEXT", nullable: false),
                    IsQualitative = table.Column<bool>(type: "INTEGER", nullable: false),
                    MeasuresJson = table.Column<string>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    GoalNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
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
                name: "Evaluations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Cvr = table.Column<int>(type: "INTEGER", nullable: false),
                    Segment = table.Column<int>(type: "INTEGER", nullable: false),
                    Satisfaction = table.Column<string>(type: "TEXT", nullable: true),
                    Recommend = table.Column<int>(type: "INTEGER", nullable: true),
                    Effect = table.Column<string>(type: "TEXT", nullable: true),
                    DigitalGuidance = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReferralUse = table.Column<string>(type: "TEXT", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Cvr = table.Column<int>(type: "INTEGER", nullable: false),
                    MunicipalityCode = table.Column<int>(type: "INTEGER", nullable: false),
                    HqRegionCode = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Themes = table.Column<string>(type: "TEXT", nullable: false),
                    IsEsg = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsAiCheck = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDigital = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReferredExternal = table.Column<bool>(type: "INTEGER", nullable: false),
                    GuidedPreviousYear = table.Column<bool>(type: "INTEGER", nullable: false)
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
                name: "QualitativeStatuses");

            migrationBuilder.DropTable(
                name: "ReferenceFigures");

            migrationBuilder.DropTable(
                name: "Registrations");

            migrationBuilder.DropTable(
                name: "ContractImports");

            migrationBuilder.DropTable(
                name: "Contracts");
        }
    }
}
