// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A bus/branch transmission model as read from a MATPOWER case: only the columns the DC power
// flow and the headroom study need. A plain value: copy it, edit it (an outage is a branch with
// inService = false) and hand it to DcPowerFlow; safe to move between threads.

#include <string>
#include <vector>

namespace planner {

// MATPOWER bus types: 1 PQ, 2 PV, 3 reference, 4 isolated.
enum class BusType { PQ = 1, PV = 2, Reference = 3, Isolated = 4 };

struct GridBus
{
    int id = 0; // bus_i, the number gens and branches refer to
    BusType type = BusType::PQ;
    double pdMw = 0.0; // real power demand
    double gsMw = 0.0; // shunt conductance, MW consumed at 1.0 p.u. voltage
    double baseKv = 0.0;
    std::string name; // from mpc.bus_name, empty when the case has none
    int line = 0; // line of the row in the case file, for messages
};

struct GridGen
{
    int bus = 0; // bus id
    double pgMw = 0.0;
    double pmaxMw = 0.0;
    double pminMw = 0.0;
    bool inService = true;
    int line = 0;
};

struct GridBranch
{
    int from = 0; // bus ids
    int to = 0;
    double x = 0.0; // series reactance, p.u.
    double rateAMva = 0.0; // 0 means unlimited
    double rateBMva = 0.0;
    double ratio = 0.0; // off-nominal tap; 0 means a line (tap 1)
    double angleDeg = 0.0; // phase shift, degrees
    bool inService = true;
    int line = 0;
};

struct GridCase
{
    std::string sourceName; // file name used in messages
    double baseMva = 100.0;
    std::vector<GridBus> buses;
    std::vector<GridGen> gens;
    std::vector<GridBranch> branches;
    int gencostRows = 0; // mpc.gencost is optional; only its size is kept
};

} // namespace planner
