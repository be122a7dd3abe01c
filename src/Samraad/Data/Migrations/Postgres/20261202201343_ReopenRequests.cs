using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samraad.Data.Migrations.Postgres
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
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReopenRequestedAtUtc",
                table: "Responses",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReopenRequestedBy",
                table: "Responses",
                type: "character varying(256)",
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
