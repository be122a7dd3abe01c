using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samraad.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReopenRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReopenRequestReason",
                table: "Responses",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReopenRequestedAtUtc",
                table: "Responses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReopenRequestedBy",
                table: "Responses",
                type: "TEXT",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReopenRequestReason",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "ReopenRequestedAtUtc",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "ReopenRequestedBy",
                table: "Responses");
        }
    }
}
