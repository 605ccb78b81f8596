using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CollectionBacktests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Backtest",
                table: "CollectionModels",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Backtest",
                table: "CollectionModels");
        }
    }
}
