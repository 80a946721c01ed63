using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NspPortal.Data.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssociationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PerimeterId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssociationResourceId = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    From = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WouldBeDenied = table.Column<long>(type: "bigint", nullable: true),
                    LoggedConnections = table.Column<long>(type: "bigint", nullable: true),
                    ImpactJson = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessModeChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PerimeterConfigurationVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PerimeterId = table.Column<Guid>(type: "uuid", nullable: false),
                    PerimeterGuid = table.Column<Guid>(type: "uuid", nullable: false),
                    PerimeterResourceId = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Deleted = table.Column<bool>(type: "boolean", nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerimeterConfigurationVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProfileDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PerimeterId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ProfileNameKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    RulesJson = table.Column<string>(type: "text", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ETag = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Format = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Imported = table.Column<long>(type: "bigint", nullable: false),
                    Rejected = table.Column<long>(type: "bigint", nullable: false),
                    Duplicates = table.Column<long>(type: "bigint", nullable: false),
                    FirstTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrafficImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrafficLogs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PerimeterId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssociationId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubscriptionId = table.Column<Guid>(type: "uuid", nullable: true),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: true),
                    RowHash = table.Column<byte[]>(type: "bytea", maxLength: 16, nullable: false),
                    TimeGenerated = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TimeGeneratedEndTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PerimeterResourceId = table.Column<string>(type: "text", nullable: true),
                    Location = table.Column<string>(type: "text", nullable: true),
                    OperationName = table.Column<string>(type: "text", nullable: true),
                    OperationVersion = table.Column<string>(type: "text", nullable: true),
                    Profile = table.Column<string>(type: "text", nullable: true),
                    AccessRulesVersion = table.Column<string>(type: "text", nullable: true),
                    MatchedRule = table.Column<string>(type: "text", nullable: true),
                    RuleType = table.Column<string>(type: "text", nullable: true),
                    ResultAction = table.Column<string>(type: "text", nullable: true),
                    ResultDirection = table.Column<string>(type: "text", nullable: true),
                    ResultDescription = table.Column<string>(type: "text", nullable: true),
                    TrafficType = table.Column<string>(type: "text", nullable: true),
                    ServiceResourceId = table.Column<string>(type: "text", nullable: true),
                    ServiceResourceIdKey = table.Column<string>(type: "text", nullable: true),
                    ServiceFqdn = table.Column<string>(type: "text", nullable: true),
                    AppId = table.Column<string>(type: "text", nullable: true),
                    Parameters = table.Column<string>(type: "text", nullable: true),
                    SourceIpAddress = table.Column<string>(type: "text", nullable: true),
                    SourceIpKey = table.Column<string>(type: "text", nullable: true),
                    SourcePort = table.Column<string>(type: "text", nullable: true),
                    SourceProtocol = table.Column<string>(type: "text", nullable: true),
                    SourceResourceId = table.Column<string>(type: "text", nullable: true),
                    SourceAppId = table.Column<string>(type: "text", nullable: true),
                    SourcePerimeterGuids = table.Column<string>(type: "text", nullable: true),
                    SourceParameters = table.Column<string>(type: "text", nullable: true),
                    DestinationFqdn = table.Column<string>(type: "text", nullable: true),
                    DestinationPort = table.Column<string>(type: "text", nullable: true),
                    DestinationProtocol = table.Column<string>(type: "text", nullable: true),
                    DestinationResourceId = table.Column<string>(type: "text", nullable: true),
                    DestinationParameters = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrafficLogs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrafficRollups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PerimeterId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssociationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Granularity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BucketStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Rows = table.Column<long>(type: "bigint", nullable: false),
                    Events = table.Column<long>(type: "bigint", nullable: false)
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
                name: "IX_TrafficRollups_PerimeterId_AssociationId_Category_Granulari~",
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
