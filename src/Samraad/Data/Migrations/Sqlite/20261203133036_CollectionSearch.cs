using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samraad.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "CollectionId",
                table: "SearchEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CollectionSlug",
                table: "SearchEntries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FieldKey",
                table: "SearchEntries",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Hidden",
                table: "SearchEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "RespondentId",
                table: "SearchEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RespondentName",
                table: "SearchEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RespondentSlug",
                table: "SearchEntries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Respondents",
                table: "SearchEntries",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "SearchEntries",
                type: "TEXT",
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
