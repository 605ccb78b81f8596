using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Api.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class GrowingSeries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Series",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "ForecastOrigin",
                table: "MemberEvaluations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Members have not grown before this migration: each test tail ends at its member's end. The JSON's names are
            // camel-cased, as the service writes them, and JSON paths are case-sensitive.
            migrationBuilder.Sql("""
                UPDATE "MemberEvaluations" SET "ForecastOrigin" = (SELECT s."Count" FROM "Series" s WHERE s."Id" = "MemberEvaluations"."SeriesId") - json_array_length("Evaluation"::json -> 'score' -> 'actual');
                """);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Collections",
                type: "integer",
                nullable: false,
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "Series");

            migrationBuilder.DropColumn(
                name: "ForecastOrigin",
                table: "MemberEvaluations");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Collections");
        }
    }
}
