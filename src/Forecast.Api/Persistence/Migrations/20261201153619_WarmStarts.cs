using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WarmStarts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "WarmStartFrom",
                table: "TrainingRuns",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WarmStartFrom",
                table: "TrainingRuns");
        }
    }
}
