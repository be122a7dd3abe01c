using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samraad.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CollectionLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CopiedFromId",
                table: "Collections",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Collections",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Open"); // every collection before this was published (packs import as open)

            migrationBuilder.AddColumn<DateTime>(
                name: "ExtendedDeadlineUtc",
                table: "CollectionRespondents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionReason",
                table: "CollectionRespondents",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAtUtc",
                table: "CollectionRespondents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovedBy",
                table: "CollectionRespondents",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Collections_CopiedFromId",
                table: "Collections",
                column: "CopiedFromId");

            migrationBuilder.AddForeignKey(
                name: "FK_Collections_Collections_CopiedFromId",
                table: "Collections",
                column: "CopiedFromId",
                principalTable: "Collections",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Collections_Collections_CopiedFromId",
                table: "Collections");

            migrationBuilder.DropIndex(
                name: "IX_Collections_CopiedFromId",
                table: "Collections");

            migrationBuilder.DropColumn(
                name: "CopiedFromId",
                table: "Collections");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Collections");

            migrationBuilder.DropColumn(
                name: "ExtendedDeadlineUtc",
                table: "CollectionRespondents");

            migrationBuilder.DropColumn(
                name: "ExtensionReason",
                table: "CollectionRespondents");

            migrationBuilder.DropColumn(
                name: "RemovedAtUtc",
                table: "CollectionRespondents");

            migrationBuilder.DropColumn(
                name: "RemovedBy",
                table: "CollectionRespondents");
        }
    }
}
