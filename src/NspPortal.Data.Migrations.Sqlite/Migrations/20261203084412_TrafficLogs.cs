using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NspPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TrafficLogs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessModeChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssociationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PerimeterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssociationResourceId = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WouldBeDenied = table.Column<long>(type: "INTEGER", nullable: true),
                    LoggedConnections = table.Column<long>(type: "INTEGER", nullable: true),
                    ImpactJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessModeChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PerimeterConfigurationVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PerimeterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PerimeterGuid = table.Column<Guid>(type: "TEXT", nullable: false),
                    PerimeterResourceId = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerimeterConfigurationVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProfileDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PerimeterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ProfileNameKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    RulesJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileDrafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfileDrafts_Perimeters_PerimeterId",
                        column: x => x.PerimeterId,
                        principalTable: "Perimeters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrafficImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Imported = table.Column<long>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<long>(type: "INTEGER", nullable: false),
                    Duplicates = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastTime = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrafficImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrafficLogs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PerimeterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssociationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RowHash = table.Column<byte[]>(type: "BLOB", maxLength: 16, nullable: false),
                    TimeGenerated = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TimeGeneratedEndTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PerimeterResourceId = table.Column<string>(type: "TEXT", nullable: true),
                    Location = table.Column<string>(type: "TEXT", nullable: true),
                    OperationName = table.Column<string>(type: "TEXT", nullable: true),
                    OperationVersion = table.Column<string>(type: "TEXT", nullable: true),
                    Profile = table.Column<string>(type: "TEXT", nullable: true),
                    AccessRulesVersion = table.Column<string>(type: "TEXT", nullable: true),
                    MatchedRule = table.Column<string>(type: "TEXT", nullable: true),
                    RuleType = table.Column<string>(type: "TEXT", nullable: true),
                    ResultAction = table.Column<string>(type: "TEXT", nullable: true),
                    ResultDirection = table.Column<string>(type: "TEXT", nullable: true),
                    ResultDescription = table.Column<string>(type: "TEXT", nullable: true),
                    TrafficType = table.Column<string>(type: "TEXT", nullable: true),
                    ServiceResourceId = table.Column<string>(type: "TEXT", nullable: true),
                    ServiceResourceIdKey = table.Column<string>(type: "TEXT", nullable: true),
                    ServiceFqdn = table.Column<string>(type: "TEXT", nullable: true),
                    AppId = table.Column<string>(type: "TEXT", nullable: true),
                    Parameters = table.Column<string>(type: "TEXT", nullable: true),
                    SourceIpAddress = table.Column<string>(type: "TEXT", nullable: true),
                    SourceIpKey = table.Column<string>(type: "TEXT", nullable: true),
                    SourcePort = table.Column<string>(type: "TEXT", nullable: true),
                    SourceProtocol = table.Column<string>(type: "TEXT", nullable: true),
                    SourceResourceId = table.Column<string>(type: "TEXT", nullable: true),
                    SourceAppId = table.Column<string>(type: "TEXT", nullable: true),
                    SourcePerimeterGuids = table.Column<string>(type: "TEXT", nullable: true),
                    SourceParameters = table.Column<string>(type: "TEXT", nullable: true),
                    DestinationFqdn = table.Column<string>(type: "TEXT", nullable: true),
                    DestinationPort = table.Column<string>(type: "TEXT", nullable: true),
                    DestinationProtocol = table.Column<string>(type: "TEXT", nullable: true),
                    DestinationResourceId = table.Column<string>(type: "TEXT", nullable: true),
                    DestinationParameters = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrafficLogs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrafficRollups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PerimeterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssociationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Granularity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BucketStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Rows = table.Column<long>(type: "INTEGER", nullable: false),
                    Events = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrafficRollups", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessModeChanges_AssociationId_ChangedAt",
                table: "AccessModeChanges",
                columns: new[] { "AssociationId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessModeChanges_PerimeterId_ChangedAt",
                table: "AccessModeChanges",
                columns: new[] { "PerimeterId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PerimeterConfigurationVersions_PerimeterGuid_ValidFrom",
                table: "PerimeterConfigurationVersions",
                columns: new[] { "PerimeterGuid", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_PerimeterConfigurationVersions_PerimeterId_ValidFrom",
                table: "PerimeterConfigurationVersions",
                columns: new[] { "PerimeterId", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_PerimeterConfigurationVersions_PerimeterId_Version",
                table: "PerimeterConfigurationVersions",
                columns: new[] { "PerimeterId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProfileDrafts_PerimeterId_ProfileNameKey",
                table: "ProfileDrafts",
                columns: new[] { "PerimeterId", "ProfileNameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_TrafficImports_ContentHash",
                table: "TrafficImports",
                column: "ContentHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrafficImports_ImportedAt",
                table: "TrafficImports",
                column: "ImportedAt");

            migrationBuilder.CreateIndex(
                name: "IX_TrafficLogs_AssociationId_Category_TimeGenerated",
                table: "TrafficLogs",
                columns: new[] { "AssociationId", "Category", "TimeGenerated" });

            migrationBuilder.CreateIndex(
                name: "IX_TrafficLogs_PerimeterId_Category_TimeGenerated_Id",
                table: "TrafficLogs",
                columns: new[] { "PerimeterId", "Category", "TimeGenerated", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TrafficLogs_PerimeterId_TimeGenerated_Id",
                table: "TrafficLogs",
                columns: new[] { "PerimeterId", "TimeGenerated", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TrafficLogs_RowHash",
                table: "TrafficLogs",
                column: "RowHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrafficLogs_TimeGenerated",
                table: "TrafficLogs",
                column: "TimeGenerated");

            migrationBuilder.CreateIndex(
                name: "IX_TrafficRollups_PerimeterId_AssociationId_Category_Granularity_BucketStart",
                table: "TrafficRollups",
                columns: new[] { "PerimeterId", "AssociationId", "Category", "Granularity", "BucketStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrafficRollups_PerimeterId_Granularity_BucketStart",
                table: "TrafficRollups",
                columns: new[] { "PerimeterId", "Granularity", "BucketStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessModeChanges");

            migrationBuilder.DropTable(
                name: "PerimeterConfigurationVersions");

            migrationBuilder.DropTable(
                name: "ProfileDrafts");

            migrationBuilder.DropTable(
                name: "TrafficImports");

            migrationBuilder.DropTable(
                name: "TrafficLogs");

            migrationBuilder.DropTable(
                name: "TrafficRollups");
        }
    }
}
