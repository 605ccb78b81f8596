using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SubDailyTimestamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Both columns stay TEXT; the dates stored so far become their midnights (UTC), as EF Core writes a DateTime.
            migrationBuilder.Sql("""
                UPDATE "Series" SET "Start" = "Start" || ' 00:00:00' WHERE length("Start") = 10;
                UPDATE "Series" SET "FilledGaps" = (SELECT json_group_array(CASE WHEN length(value) = 10 THEN value || ' 00:00:00' ELSE value END) FROM json_each("Series"."FilledGaps"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Sub-daily series have no date of their own to go back to: only the dates of the others are restored.
            migrationBuilder.Sql("""
                UPDATE "Series" SET "Start" = substr("Start", 1, 10);
                UPDATE "Series" SET "FilledGaps" = (SELECT json_group_array(substr(value, 1, 10)) FROM json_each("Series"."FilledGaps"));
                """);
        }
    }
}
