import Mustache

/// Field lookup for Mustache without `Mirror`: reflection was most of the time spent rendering pages.
/// Each view model answers the names its templates use; an unknown name returns nil and Mustache
/// looks further up its context stack, as it does for a missing field.

extension LinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "summary": self.summary
        case "detail": self.detail
        default: nil
        }
    }
}

extension TOCEntry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": self.text
        case "id": self.id
        case "isSub": self.isSub
        default: nil
        }
    }
}

extension TermTip: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "slug": self.slug
        case "summary": self.summary
        default: nil
        }
    }
}

extension NavItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "current": self.current
        default: nil
        }
    }
}

extension LayoutView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": self.lang
        case "siteTitle": self.siteTitle
        case "pageTitle": self.pageTitle
        case "description": self.description
        case "root": self.root
        case "canonical": self.canonical
        case "nav": self.nav
        case "main": self.main
        case "termTips": self.termTips
        case "hasTermTips": self.hasTermTips
        case "bodyClass": self.bodyClass
        default: nil
        }
    }
}

extension ReviewView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "date": self.date
        case "datetime": self.datetime
        case "owner": self.owner
        case "updated": self.updated
        case "editURL": self.editURL
        default: nil
        }
    }
}

extension UpdatedView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "date": self.date
        case "datetime": self.datetime
        case "author": self.author
        default: nil
        }
    }
}

extension ChangeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "section": self.section
        case "updated": self.updated
        case "subject": self.subject
        default: nil
        }
    }
}

extension ChangesView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "title": self.title
        case "changes": self.changes
        case "limit": self.limit
        default: nil
        }
    }
}

extension OwnedPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "section": self.section
        case "reviewed": self.reviewed
        case "reviewedISO": self.reviewedISO
        case "stale": self.stale
        case "updated": self.updated
        default: nil
        }
    }
}

extension OwnerView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "owner": self.owner
        case "id": self.id
        case "url": self.url
        case "pages": self.pages
        case "staleCount": self.staleCount
        case "tally": self.tally
        case "hasOwner": self.hasOwner
        default: nil
        }
    }
}

extension OwnersView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "title": self.title
        case "owners": self.owners
        case "staleCount": self.staleCount
        case "pageCount": self.pageCount
        case "reviewAfterMonths": self.reviewAfterMonths
        case "staleVerb": self.staleVerb
        default: nil
        }
    }
}

extension OwnerPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "title": self.title
        case "tally": self.tally
        case "pages": self.pages
        case "hasOwner": self.hasOwner
        case "pager": self.pager
        default: nil
        }
    }
}

extension HomeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "title": self.title
        case "tagline": self.tagline
        case "description": self.description
        case "articles": self.articles
        case "articleCount": self.articleCount
        case "moreArticles": self.moreArticles
        case "topics": self.topics
        case "archetypes": self.archetypes
        case "companies": self.companies
        case "moreCompanies": self.moreCompanies
        case "termCount": self.termCount
        case "categories": self.categories
        case "letters": self.letters
        case "body": self.body
        case "contents": self.contents
        case "recentChanges": self.recentChanges
        case "review": self.review
        default: nil
        }
    }
}

extension ArticleView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "title": self.title
        case "summary": self.summary
        case "body": self.body
        case "toc": self.toc
        case "tags": self.tags
        case "previous": self.previous
        case "next": self.next
        case "review": self.review
        case "relatedReading": self.relatedReading
        case "titleID": self.titleID
        case "section": self.section
        case "listing": self.listing
        default: nil
        }
    }
}

// The tree nests a level in an item in a level: each answers every name it has, `false` for an absent one, so that
// Mustache never finds an outer level's `open` or `more` (and renders that level again inside itself).
extension SectionNavView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "breadcrumbs": self.breadcrumbs
        case "tree": self.tree
        default: nil
        }
    }
}

extension TreeLevelView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "items": self.items
        case "more": self.more.map { $0 as Any } ?? false
        default: nil
        }
    }
}

extension TreeItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "isSection": self.isSection
        case "current": self.current
        case "open": self.open.map { $0 as Any } ?? false
        default: nil
        }
    }
}

extension SectionListing: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "sections": self.sections
        case "pages": self.pages
        case "pager": self.pager.map { $0 as Any } ?? false
        default: nil
        }
    }
}

extension SectionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "title": self.title
        case "summary": self.summary
        case "section": self.section
        case "listing": self.listing
        default: nil
        }
    }
}

extension GroupView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "items": self.items
        default: nil
        }
    }
}

extension TermView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "title": self.title
        case "summary": self.summary
        case "category": self.category
        case "aliases": self.aliases
        case "body": self.body
        case "toc": self.toc
        case "mentionedIn": self.mentionedIn
        case "usedBy": self.usedBy
        case "related": self.related
        case "review": self.review
        case "relatedReading": self.relatedReading
        default: nil
        }
    }
}

extension SignalsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "green": self.green
        case "yellow": self.yellow
        case "red": self.red
        default: nil
        }
    }
}

extension ArchetypeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "title": self.title
        case "summary": self.summary
        case "body": self.body
        case "toc": self.toc
        case "builds": self.builds
        case "uses": self.uses
        case "companies": self.companies
        case "salaryPremium": self.salaryPremium
        case "mustHave": self.mustHave
        case "interviewQuestions": self.interviewQuestions
        case "signals": self.signals
        case "hasSignals": self.hasSignals
        case "kitURL": self.kitURL
        case "review": self.review
        default: nil
        }
    }
}

extension QuestionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "question": self.question
        case "strong": self.strong
        case "weak": self.weak
        default: nil
        }
    }
}

extension KitView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "id": self.id
        case "title": self.title
        case "summary": self.summary
        case "roleURL": self.roleURL
        case "salaryPremium": self.salaryPremium
        case "builds": self.builds
        case "mustHave": self.mustHave
        case "questions": self.questions
        case "signals": self.signals
        case "hasSignals": self.hasSignals
        case "glossary": self.glossary
        case "titleLevel": self.titleLevel
        case "sectionLevel": self.sectionLevel
        case "review": self.review
        default: nil
        }
    }
}

extension SystemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "description": self.description
        case "stack": self.stack
        default: nil
        }
    }
}

extension CompanyView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "title": self.title
        case "industry": self.industry
        case "summary": self.summary
        case "scale": self.scale
        case "body": self.body
        case "toc": self.toc
        case "archetypes": self.archetypes
        case "systems": self.systems
        case "review": self.review
        default: nil
        }
    }
}

extension LetterGroup: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "letter": self.letter
        case "id": self.id
        case "terms": self.terms
        default: nil
        }
    }
}

extension TermsIndexView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "letters": self.letters
        case "categories": self.categories
        case "count": self.count
        default: nil
        }
    }
}

extension ArchetypeRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "summary": self.summary
        case "builds": self.builds
        case "uses": self.uses
        case "salaryPremium": self.salaryPremium
        case "mustHave": self.mustHave
        case "kitURL": self.kitURL
        default: nil
        }
    }
}

extension ArchetypesIndexView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "rows": self.rows
        default: nil
        }
    }
}

extension MatrixCell: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "uses": self.uses
        case "label": self.label
        default: nil
        }
    }
}

extension MatrixRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "term": self.term
        case "cells": self.cells
        default: nil
        }
    }
}

extension CompaniesIndexView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "companies": self.companies
        case "columns": self.columns
        case "matrix": self.matrix
        case "hasMatrix": self.hasMatrix
        default: nil
        }
    }
}

extension ListPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "title": self.title
        case "summary": self.summary
        case "items": self.items
        case "pager": self.pager
        default: nil
        }
    }
}

extension QuestionGroup: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "id": self.id
        case "questions": self.questions
        case "kitURL": self.kitURL
        default: nil
        }
    }
}

extension QuestionsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "groups": self.groups
        case "count": self.count
        default: nil
        }
    }
}

extension ChecklistGroup: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "id": self.id
        case "signals": self.signals
        case "kitURL": self.kitURL
        default: nil
        }
    }
}

extension ChecklistView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "groups": self.groups
        default: nil
        }
    }
}

extension PrintSection: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "kind": self.kind
        case "title": self.title
        case "summary": self.summary
        case "body": self.body
        case "review": self.review
        case "titleID": self.titleID
        default: nil
        }
    }
}

extension PrintView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "title": self.title
        case "articles": self.articles
        case "archetypes": self.archetypes
        case "kits": self.kits
        case "companies": self.companies
        case "terms": self.terms
        case "split": self.split
        case "parts": self.parts
        default: nil
        }
    }
}

extension PrintPartView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "volumes": self.volumes
        default: nil
        }
    }
}

extension PrintVolumeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "bookTitle": self.bookTitle
        case "title": self.title
        case "covers": self.covers
        case "contentsURL": self.contentsURL
        case "sections": self.sections
        case "kits": self.kits
        case "previous": self.previous
        case "next": self.next
        default: nil
        }
    }
}

extension SimpleView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "title": self.title
        default: nil
        }
    }
}

extension PagerView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "previous": self.previous
        case "next": self.next
        case "pages": self.pages
        case "label": self.label
        default: nil
        }
    }
}

extension LayoutWithPartials: MustacheParent {
    func child(named name: String) -> Any? {
        partials[name] ?? layout.child(named: name)
    }
}
