using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Api.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SubDailyTimestamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A date becomes a timestamptz at midnight in the session's time zone: UTC here, so stored dates keep their day.
            migrationBuilder.Sql("SET LOCAL TIME ZONE 'UTC';");
            migrationBuilder.AlterColumn<DateTime>(
                name: "Start",
                table: "Series",
                type: "timestamp with time zone",
                nullable: false,
                oldClrType: typeof(DateOnly),
                oldType: "date");

            migrationBuilder.AlterColumn<List<DateTime>>(
                name: "FilledGaps",
                table: "Series",
                type: "timestamp with time zone[]",
                nullable: false,
                oldClrType: typeof(List<DateOnly>),
                oldType: "date[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("SET LOCAL TIME ZONE 'UTC';");
            migrationBuilder.AlterColumn<DateOnly>(
                name: "Start",
                table: "Series",
                type: "date",
                nullable: false,
                oldClrType: typeof(DateTime),
                oldType: "timestamp with time zone");

            migrationBuilder.AlterColumn<List<DateOnly>>(
                name: "FilledGaps",
                table: "Series",
                type: "date[]",
                nullable: false,
                oldClrType: typeof(List<DateTime>),
                oldType: "timestamp with time zone[]");
        }
    }
}
