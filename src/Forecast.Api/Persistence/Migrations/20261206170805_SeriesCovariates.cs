using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SeriesCovariates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Covariates",
                table: "Series",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Covariates",
                table: "Series");
        }
    }
}
