using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samraad.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PrintedFigureMeasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Measure",
                table: "PrintedFigures",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Rounding",
                table: "PrintedFigures",
                type: "numeric",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Measure",
                table: "PrintedFigures");

            migrationBuilder.DropColumn(
                name: "Rounding",
                table: "PrintedFigures");
        }
    }
}
