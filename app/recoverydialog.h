// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The question asked at start when a recovery copy of a crashed session exists: a thin shell
// over a RecoveryEntry; restoring is MainWindow's (through Document::restore).

#include "app/recoverystore.h"

class QWidget;

namespace app {

enum class RecoveryChoice { Restore, Discard, Later };

// The dialog's text for an entry (its project's path or "an untitled project", and when the copy
// was written), for tests and for the dialog.
QString recoveryQuestion(const RecoveryEntry &entry);

// Asks, modally. Escape or closing the window is Later: the copy is kept.
RecoveryChoice askRecovery(QWidget *parent, const RecoveryEntry &entry);

} // namespace app
