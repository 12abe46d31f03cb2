import Foundation
import Testing

@testable import HandbookKit

/// `owner` and `reviewed` on every kind, and the `stale-content` warning against the build's injected day.
@Suite struct StaleContentTests {
    /// 1 June 2026, 12:00 UTC: the day every build in these tests runs on.
    static let now = Date(timeIntervalSince1970: 1_780_315_200)

    private func diagnostics(_ files: [String: String], site: String = TestSite.minimalSite, strict: Bool = false) throws -> (
        [String], Bool
    ) {
        let site = try TestSite(files, site: site)
        defer { site.remove() }
        var options = site.options(strict: strict, write: false)
        options.now = Self.now
        let report = try Build.run(options)
        return (report.diagnostics.map(\.formatted).filter { !$0.contains("[unused-term]") }, report.failed)
    }

    @Test func theInjectedDayIsUsed() {
        #expect(CalendarDate(Self.now) == CalendarDate(year: 2026, month: 6, day: 1))
    }

    @Test func aReviewOlderThanTheLimitIsAWarningThatStrictFailsOn() throws {
        let files = ["articles/pay.md": file("title: Pay\nsummary: S.\nowner: Pay team\nreviewed: 2025-05-31")]
        let (found, failed) = try diagnostics(files)
        #expect(
            found == [
                "content/articles/pay.md:5:11: warning: last reviewed on 2025-05-31, more than 12 months ago "
                    + "(review_after_months in site.yml): check the page and update 'reviewed' [stale-content]"
            ])
        #expect(!failed)
        #expect(try diagnostics(files, strict: true).1)
    }

    @Test(arguments: [
        ("2025-06-01", 12, false), ("2025-05-31", 12, true), ("2025-12-01", 6, false), ("2025-11-30", 6, true), ("2026-06-01", 1, false),
    ])
    func theLimitComesFromSiteYML(_ reviewed: String, _ months: Int, _ stale: Bool) throws {
        let (found, _) = try diagnostics(
            ["terms/pay.md": file("title: Pay\nsummary: S.\ncategory: concept\nreviewed: \(reviewed)")],
            site: "title: T\nreview_after_months: \(months)\n")
        #expect(found.contains { $0.hasSuffix("[stale-content]") } == stale)
    }

    @Test func aDateThatIsNotADayIsAnError() throws {
        let (found, failed) = try diagnostics([
            "companies/acme.md": file("title: Acme\nindustry: Retail\nsummary: S.\nreviewed: 2026-02-30"),
            "archetypes/dev.md": file("title: Dev\nsummary: S.\nbuilds: [x]\nuses: []\nreviewed: last spring"),
        ])
        #expect(
            found == [
                "content/archetypes/dev.md:6:11: error: 'reviewed' must be a date written YYYY-MM-DD, such as 2026-11-20; "
                    + "found 'last spring' [bad-date]",
                "content/companies/acme.md:5:11: error: 'reviewed' must be a date written YYYY-MM-DD, such as 2026-11-20; "
                    + "found '2026-02-30' [bad-date]",
            ])
        #expect(failed)
    }

    @Test func theLimitMustBeAtLeastOneMonth() throws {
        let (found, _) = try diagnostics([:], site: "title: T\nreview_after_months: 0\n")
        #expect(found == ["content/site.yml:2:22: error: 'review_after_months' must be a whole number of months, 1 or more [wrong-type]"])
    }

    @Test(arguments: [
        (CalendarDate(year: 2026, month: 1, day: 31), 1, CalendarDate(year: 2026, month: 2, day: 28)),
        (CalendarDate(year: 2023, month: 12, day: 31), 2, CalendarDate(year: 2024, month: 2, day: 29)),
        (CalendarDate(year: 2025, month: 11, day: 15), 12, CalendarDate(year: 2026, month: 11, day: 15)),
    ])
    func monthsAreAddedOnTheCalendar(_ start: CalendarDate, _ months: Int, _ expected: CalendarDate) {
        #expect(start.adding(months: months) == expected)
    }

    @Test func datesReadAndPrint() {
        #expect(CalendarDate(iso: "2026-11-20")?.long == "20 November 2026")
        #expect(CalendarDate(iso: "2026-11-20")?.iso == "2026-11-20")
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2025-02-29") == nil)
        #expect(CalendarDate(iso: "2026-1-20") == nil)
        #expect(CalendarDate(iso: "20 Nov 2026") == nil)
    }
}
