using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samraad.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CollectionSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "MeetingTitle",
                table: "SearchEntries",
                newName: "Title");

            migrationBuilder.AlterColumn<int>(
                name: "MeetingId",
                table: "SearchEntries",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "CollectionId",
                table: "SearchEntries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CollectionSlug",
                table: "SearchEntries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FieldKey",
                table: "SearchEntries",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Hidden",
                table: "SearchEntries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "RespondentId",
                table: "SearchEntries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RespondentName",
                table: "SearchEntries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RespondentSlug",
                table: "SearchEntries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<List<int>>(
                name: "Respondents",
                table: "SearchEntries",
                type: "integer[]",
                nullable: false,
                defaultValueSql: "'{}'::integer[]"); // rows already there (meeting entries) have no respondents

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "SearchEntries",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "meeting");

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_CollectionId_RespondentId",
                table: "SearchEntries",
                columns: new[] { "CollectionId", "RespondentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SearchEntries_CollectionId_RespondentId",
                table: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "CollectionId",
                table: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "CollectionSlug",
                table: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "FieldKey",
                table: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "Hidden",
                table: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "RespondentId",
                table: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "RespondentName",
                table: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "RespondentSlug",
                table: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "Respondents",
                table: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "SearchEntries");

            migrationBuilder.RenameColumn(
                name: "Title",
                table: "SearchEntries",
                newName: "MeetingTitle");

            migrationBuilder.AlterColumn<int>(
                name: "MeetingId",
                table: "SearchEntries",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
