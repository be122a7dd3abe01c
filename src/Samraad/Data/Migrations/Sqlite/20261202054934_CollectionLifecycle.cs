using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samraad.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Collections",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "Open"); // every collection before this was published (packs import as open)

            migrationBuilder.AddColumn<DateTime>(
                name: "ExtendedDeadlineUtc",
                table: "CollectionRespondents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionReason",
                table: "CollectionRespondents",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAtUtc",
                table: "CollectionRespondents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovedBy",
                table: "CollectionRespondents",
                type: "TEXT",
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
