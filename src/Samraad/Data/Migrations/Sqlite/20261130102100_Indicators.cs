using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samraad.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Indicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KeyFigureSets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    OwnerOrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodKind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    FirstPeriod = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    LastPeriod = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DefinitionJson = table.Column<string>(type: "TEXT", nullable: false)
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
                name: "KeyFigureReporters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SetId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SetId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", nullable: true),
                    MissingCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", nullable: false),
                    EnteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KeyFigureReporters");

            migrationBuilder.DropTable(
                name: "KeyFigureValues");

            migrationBuilder.DropTable(
                name: "KeyFigureSets");
        }
    }
}
