using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Samraad.Data.Migrations.Postgres
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
