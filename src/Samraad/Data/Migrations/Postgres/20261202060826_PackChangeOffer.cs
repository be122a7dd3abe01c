using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samraad.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PackChangeOffer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PackFolder",
                table: "Collections",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PackSha256",
                table: "Collections",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingPackChanges",
                table: "Collections",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingPackSha256",
                table: "Collections",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PackFolder",
                table: "Collections");

            migrationBuilder.DropColumn(
                name: "PackSha256",
                table: "Collections");

            migrationBuilder.DropColumn(
                name: "PendingPackChanges",
                table: "Collections");

            migrationBuilder.DropColumn(
                name: "PendingPackSha256",
                table: "Collections");
        }
    }
}
